import { standaloneVersion } from '../text/standalone.js';
import { foldAccents } from '../text/stemming.js';
import { collectNumbers } from './numbers.js';
import type { Language, Outline, OutlineItem, OutlineSection, OutlineTopic, SourceRef } from './outline.js';
import { otherSide, type Category, type Contrast, type DeckFacts, type Stance, type Statement } from './fact-types.js';

export type * from './fact-types.js';

/** Bold leads that head a list rather than name a term. */
const LIST_HEADINGS: Record<Language, RegExp> = {
  es: /^¿?(ventajas|desventajas|inconvenientes|diferencias|ejemplos?|motivos?|caracter[ií]sticas|cuestiones|sobre|limitaciones|usos|utilidad)\b/i,
  en: /^(advantages|disadvantages|drawbacks|differences|examples?|reasons?|features|questions|about|limitations|uses|benefits)\b/i,
};
const ADVANTAGES: Record<Language, RegExp> = {
  es: /^¿?(ventajas|beneficios|utilidad(es)?|usos)\b/i,
  en: /^(advantages|benefits|uses|strengths)\b/i,
};
const DRAWBACKS: Record<Language, RegExp> = {
  es: /^¿?(inconvenientes|desventajas|limitaciones)\b/i,
  en: /^(drawbacks|disadvantages|limitations|weaknesses)\b/i,
};
/** "Utilidad" and "Uses" slides mix prose with the list: only slides that read as a list count. */
const LOOSE_ADVANTAGES = /^(utilidad(es)?|usos|uses)\b/i;
/** "Ejemplos: A, B o C", "Ejemplos de hipervisores de tipo I: …", "Examples of document stores:". */
const EXAMPLES = /^(?:ejemplos?(?:\s+de\s+[^:]{1,80})?|examples?(?:\s+of\s+[^:]{1,80})?|e\.g\.)\s*:\s*(.*)$/i;
const TRAILING_EXAMPLES = /\s*(?:ejemplos?|examples?)\s*:\s*$/i;
const OPEN_QUESTIONS = /^(cuestiones|preguntas|preguntas abiertas|questions|review questions|open questions)$/i;
const DEFINITION_SECTION = /^(definici[oó]n|definition|qu[eé] es|what is)\b/i;
/** "En general se define como …", "Se entiende por X …", "X is defined as …". */
const DEFINES_SUBJECT = /^(?:en general,?\s+)?se define como\s+(.+)$|^(?:in general,?\s+)?(?:it\s+)?is defined as\s+(.+)$/i;
/** "Una red de computadores es un conjunto …", "A database is an organised collection …". */
const NAMES_AND_DEFINES = /^(?:(?:un|una|el|la|a|an|the)\s+)?([^,]{3,60}?)\s+(?:es|is)\s+((?:un|una|el|la|a|an|the)\s+.+)$/i;
const CONTRAST = /^(.+?)\s+(?:versus|vs\.?|frente a|contra)\s+(.+)$/i;
const OVER = /^(?:ventajas|advantages)\s+(?:sobre|frente a|respecto a|over|compared to)\s+(.+)$/i;

interface Ctx {
  facts: DeckFacts;
  section: OutlineSection;
  language: Language;
  /** The contrast the section's title sets up ("A versus B"), which its advantages and differences lists fill. */
  contrast: Contrast | null;
}

export function extractFacts(outline: Outline): DeckFacts {
  const facts: DeckFacts = { definitions: [], categories: [], traits: [], numbers: [], stances: [], contrasts: [], openQuestions: [] };
  for (const section of outline.sections) {
    if (isOpenQuestionSection(section.title)) {
      facts.openQuestions.push(section.label);
      continue;
    }
    const sides = contrastSides(section.title);
    const contrast: Contrast | null = sides ? { sides, claims: [] } : null;
    if (contrast) facts.contrasts.push(contrast);
    const ctx: Ctx = { facts, section, language: outline.language, contrast };
    if (DEFINITION_SECTION.test(section.title)) subjectDefinition(ctx, section, deckSubject(outline.title));
    for (const topic of section.topics) {
      const group = `${section.label} › ${topic.title}`;
      sectionStance(ctx, topic);
      visitItems(ctx, topic.title, topic.items, null, group, group);
    }
  }
  mergeCategories(facts);
  mergeStances(facts);
  pairContrasts(facts);
  facts.contrasts = facts.contrasts.filter((c) => c.claims.length > 0);
  return facts;
}

function ref(ctx: Ctx, item: OutlineItem | undefined, sentence: string): SourceRef {
  return { section: ctx.section, slide: item?.slide || ctx.section.title, sentence };
}

/** `group`: the list these items are siblings in; `ownerGroup`: the list their parent term is in. */
function visitItems(ctx: Ctx, context: string, items: OutlineItem[], parentLead: string | null, group: string, ownerGroup: string): void {
  for (const item of items) {
    collectNumbers(ctx.facts, ctx.language, item.text, (sentence) => ref(ctx, item, sentence));
    const examples = exampleList(item);
    if (examples.length >= 1) {
      ctx.facts.categories.push({ name: parentLead ?? item.lead ?? context, examples, group: parentLead ? ownerGroup : group, ref: ref(ctx, item, item.text) });
      if (!item.lead) continue;
    }
    const heading = item.lead ?? (item.children.length ? item.text.replace(/:$/, '') : null);
    if (heading && listHeading(ctx, heading)) {
      stanceList(ctx, heading, item, parentLead);
      continue;
    }
    if (item.lead) collectTerm(ctx, item, item.lead, group);
    const childGroup = item.lead ? `${group} › ${item.lead}` : group;
    visitItems(ctx, item.lead ?? context, item.children, item.lead ?? parentLead, childGroup, item.lead ? group : ownerGroup);
  }
}

function listHeading(ctx: Ctx, text: string): boolean {
  return LIST_HEADINGS[ctx.language].test(text.trim());
}

/** "Tema 1. Fundamentos y Tecnologías de Virtualización" → "Virtualización"; "Unit 3. Database Systems" → "Database Systems". */
export function deckSubject(title: string): string {
  const rest = title
    .replace(/^(tema|unidad|unit|chapter|lesson|cap[ií]tulo|lecci[oó]n)\s+\d+\.?\s*/i, '')
    .replace(/^(fundamentos y tecnolog[ií]as de|fundamentos de|introducci[oó]n a(l| la)?|conceptos de|fundamentals of|introduction to|basics of)\s+/i, '')
    .trim();
  return rest.charAt(0).toLocaleUpperCase() + rest.slice(1);
}

/** The deck's own subject, defined on its "Definición" slide without being named ("Se define como …"). */
function subjectDefinition(ctx: Ctx, section: OutlineSection, subject: string): void {
  for (const item of section.topics.flatMap((t) => t.items)) {
    if (item.lead) continue;
    const sentence = firstSentence(item.text).replace(/\.$/, '');
    const implicit = DEFINES_SUBJECT.exec(sentence);
    const named = NAMES_AND_DEFINES.exec(sentence);
    const namedTerm = named?.[1];
    const term = implicit ? subject : namedTerm ? namedTerm.charAt(0).toLocaleUpperCase() + namedTerm.slice(1) : null;
    const body = implicit ? (implicit[1] ?? implicit[2]) : named?.[2];
    if (!term || !body) continue;
    const definition = standaloneVersion(`${body.charAt(0).toLocaleUpperCase()}${body.slice(1)}.`, ctx.language, 'trait');
    if (definition) ctx.facts.definitions.push({ term, definition, group: `${section.label} › ${term}`, ref: ref(ctx, item, item.text) });
    return;
  }
}

/** A term and what the bullets under it say: the first sentence defines it, the others are traits. */
function collectTerm(ctx: Ctx, item: OutlineItem, term: string, group: string): void {
  const inline = splitSentences(item.rest.replace(TRAILING_EXAMPLES, '').trim());
  // "**Virtualización de almacenamiento:** abstracción … Ejemplo:" — the bullets under it are examples, not traits.
  const described = TRAILING_EXAMPLES.test(item.rest)
    ? []
    : item.children.filter((c) => !exampleList(c).length && !EXAMPLES.test(c.text) && !c.text.startsWith('¿') && !(c.lead && listHeading(ctx, c.lead)));
  const sentences: { text: string; item: OutlineItem }[] = [
    ...inline.map((text) => ({ text, item })),
    ...described.map((c) => ({ text: firstSentence(c.text), item: c })),
  ];
  const [first, ...rest] = sentences;
  if (!first) return;
  const definition = standaloneVersion(cleanDefinition(first.text), ctx.language, 'trait');
  if (definition) ctx.facts.definitions.push({ term, definition, group, ref: ref(ctx, first.item, first.text) });
  for (const s of rest) {
    const text = standaloneVersion(s.text, ctx.language, 'trait');
    if (text) ctx.facts.traits.push({ term, text, group, ref: ref(ctx, s.item, s.text) });
  }
}

/** "¿Ventajas?" under a term, "Ventajas sobre X:" in a contrast, "Inconvenientes:" under a topic. */
function stanceList(ctx: Ctx, heading: string, item: OutlineItem, parentLead: string | null): void {
  const statements = optionStatements(ctx, item.children);
  const over = OVER.exec(heading.replace(/[¿?:]/g, '').trim());
  const contrast = ctx.contrast;
  if (over && contrast) {
    const other = closestSide(contrast.sides, over[1] ?? '');
    const holder = otherSide(contrast.sides, other);
    for (const s of statements) contrast.claims.push({ holder, text: s.text, namesHolder: false, mirrored: null, nature: 'advantage', ref: s.ref });
    return;
  }
  if (/^(diferencias|differences)\b/i.test(heading) && contrast) {
    contrastSentences(ctx, contrast, item.children);
    return;
  }
  const owner = parentLead ?? item.lead;
  const isAdvantage = ADVANTAGES[ctx.language].test(heading);
  if (!isAdvantage && !DRAWBACKS[ctx.language].test(heading)) return;
  const ownerName = owner && !listHeading(ctx, owner) ? owner : null;
  ctx.facts.stances.push({ owner: ownerName, advantages: isAdvantage ? statements : [], drawbacks: isAdvantage ? [] : statements });
}

/** Sentences of a "Diferencias" list that name one side: true of it, false when the other side is put in. */
function contrastSentences(ctx: Ctx, contrast: Contrast, items: OutlineItem[]): void {
  for (const item of items) {
    const text = standaloneVersion(firstSentence(item.text), ctx.language, 'statement');
    if (!text) continue;
    const named = contrast.sides.filter((side) => foldAccents(text).includes(foldAccents(side)));
    const [holder] = named;
    if (holder === undefined || named.length !== 1) continue;
    const other = otherSide(contrast.sides, holder);
    const at = foldAccents(text).indexOf(foldAccents(holder));
    // "Firewalls filter …" cannot become "Antivirus software filter …": the verb agrees with one side only.
    // The head noun comes first in Spanish ("Virtualización basada en …"), last in English ("Antivirus software").
    const head = (name: string) => (ctx.language === 'es' ? name.split(/\s+/)[0] : name.split(/\s+/).at(-1)) ?? name;
    const sameNumber = /s$/i.test(head(holder)) === /s$/i.test(head(other));
    const mirrored = !sameNumber ? null : text.slice(0, at) + matchCase(text.slice(at, at + holder.length), other) + text.slice(at + holder.length);
    contrast.claims.push({ holder, text, namesHolder: true, mirrored, nature: 'trait', ref: ref(ctx, item, item.text) });
  }
}

function matchCase(original: string, replacement: string): string {
  const upper = original.charAt(0) === original.charAt(0).toLocaleUpperCase();
  const first = upper ? replacement.charAt(0).toLocaleUpperCase() : replacement.charAt(0).toLocaleLowerCase();
  return first + replacement.slice(1);
}

/** A section that is itself a list of advantages or drawbacks ("2. Utilidad", "3. Inconvenientes"). */
function sectionStance(ctx: Ctx, topic: OutlineTopic): void {
  // "## Ventajas" under "# 4. Ventajas e inconvenientes": the slide title says which list it is.
  const stanceOf = (t: string) => (ADVANTAGES[ctx.language].test(t) ? 'advantage' : DRAWBACKS[ctx.language].test(t) ? 'drawback' : null);
  const ownTitle = topic.title !== ctx.section.title ? stanceOf(topic.title) : null;
  const sectionTitle = stanceOf(ctx.section.title);
  const bothInTitle = sectionTitle && stanceOf(ctx.section.title.replace(/^\S+\s+(e|y|and|&)\s+/i, ''));
  const stance = ownTitle ?? (bothInTitle && bothInTitle !== sectionTitle ? null : sectionTitle);
  if (!stance) return;
  const title = ownTitle ? topic.title : ctx.section.title;
  const isAdvantage = stance === 'advantage';
  let items = topic.items.filter((i) => !i.lead);
  if (LOOSE_ADVANTAGES.test(title)) {
    const bySlide = groupBy(items, (i) => i.slide);
    items = [...bySlide.values()].filter((slide) => slide.filter((i) => isNounPhrase(ctx, i.text)).length * 2 >= slide.length).flat();
  }
  const statements = optionStatements(ctx, items);
  ctx.facts.stances.push({ owner: null, advantages: isAdvantage ? statements : [], drawbacks: isAdvantage ? [] : statements });
}

function isNounPhrase(ctx: Ctx, text: string): boolean {
  return standaloneVersion(firstSentence(text), ctx.language, 'statement') === null && standaloneVersion(firstSentence(text), ctx.language, 'option') !== null;
}

function optionStatements(ctx: Ctx, items: OutlineItem[]): Statement[] {
  const out: Statement[] = [];
  for (const item of items) {
    if (item.lead || /\d/.test(item.text)) continue;
    const text = standaloneVersion(firstSentence(item.text), ctx.language, 'option');
    if (text) out.push({ text, ref: ref(ctx, item, item.text) });
  }
  return out;
}

function contrastSides(title: string): [string, string] | null {
  const m = CONTRAST.exec(title.trim());
  if (!m) return null;
  const cap = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
  const [, left = '', right = ''] = m;
  return [cap(left.trim()), cap(right.trim())];
}

/** Which side "Ventajas sobre <name>" names: the one sharing most words. */
function closestSide(sides: [string, string], name: string): string {
  const words = (s: string) =>
    new Set(
      foldAccents(s)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length > 3),
    );
  const target = words(name);
  const score = (side: string) => [...words(side)].filter((w) => target.has(w)).length;
  return score(sides[0]) >= score(sides[1]) ? sides[0] : sides[1];
}

function exampleList(item: OutlineItem): string[] {
  const inline = EXAMPLES.exec(item.text);
  const listed = inline?.[1] ?? '';
  if (listed.trim()) return splitExamples(listed);
  if ((inline || TRAILING_EXAMPLES.test(item.text)) && item.children.length) {
    return item.children.map((c) => trimExample(c.text));
  }
  return [];
}

function splitExamples(text: string): string[] {
  return (
    text
      .split(/,\s*|\s+(?:o|y|or|and)\s+/)
      .map(trimExample)
      .filter((s) => s && !/^etc\.?$/i.test(s))
      // A phrase starts with a capital ("el particionado …" → "El particionado …"); a name keeps its spelling ("etcd").
      .map((s) => (s.split(/\s+/).length >= 3 ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s))
  );
}

/** "Un sistema de varios discos en RAID, aunque se "ven" como uno sólo." → "Un sistema de varios discos en RAID". */
function trimExample(text: string): string {
  return text
    .replace(/,\s*(aunque|pero|although|but|though)\b.*$/i, '')
    .replace(/\.$/, '')
    .trim();
}

/** Same category named on several slides (a topic split over slides): one category. */
function mergeCategories(facts: DeckFacts): void {
  const merged = new Map<string, Category>();
  for (const c of facts.categories) {
    const key = `${c.group}\u0000${c.name}`;
    const existing = merged.get(key);
    if (existing) existing.examples = [...new Set([...existing.examples, ...c.examples])];
    else merged.set(key, { ...c, examples: [...new Set(c.examples)] });
  }
  facts.categories = [...merged.values()];
}

function mergeStances(facts: DeckFacts): void {
  const merged = new Map<string | null, Stance>();
  for (const s of facts.stances) {
    const existing = merged.get(s.owner);
    if (existing) {
      existing.advantages.push(...s.advantages);
      existing.drawbacks.push(...s.drawbacks);
    } else merged.set(s.owner, { owner: s.owner, advantages: [...s.advantages], drawbacks: [...s.drawbacks] });
  }
  facts.stances = [...merged.values()].filter((s) => s.advantages.length + s.drawbacks.length > 0);
}

/** A list of exactly two terms (Tipo I / Tipo II) is a contrast: each one's definition and traits are its claims. */
function pairContrasts(facts: DeckFacts): void {
  const groups = groupBy(facts.definitions, (d) => d.group);
  for (const [group, defs] of groups) {
    const terms = [...new Set(defs.map((d) => d.term))];
    const members = new Set([...facts.definitions, ...facts.traits].filter((f) => f.group === group).map((f) => f.term));
    const [left, right, ...more] = terms;
    if (left === undefined || right === undefined || more.length > 0 || members.size !== 2) continue;
    const claims = [
      ...defs.map((d) => ({ holder: d.term, text: d.definition, namesHolder: false, mirrored: null, nature: 'trait' as const, ref: d.ref })),
      ...facts.traits
        .filter((t) => t.group === group)
        .map((t) => ({ holder: t.term, text: t.text, namesHolder: false, mirrored: null, nature: 'trait' as const, ref: t.ref })),
    ];
    facts.contrasts.push({ sides: [left, right], claims });
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The closing slide of questions for the class ("Cuestiones"): answered by a curated bank, not generated. */
export function isOpenQuestionSection(title: string): boolean {
  return OPEN_QUESTIONS.test(title.trim());
}

/** Sentence ends before a capital, but not after an initial ("Edgar F. Codd"). */
const SENTENCE_END = /(?<![\s(]\p{Lu}\.)(?<=[.!?])\s+(?=[\p{Lu}¿¡"«“])/u;

export function splitSentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? text.trim();
}

/** "es la capa software que…" → "La capa software que…". */
function cleanDefinition(text: string): string {
  const body = firstSentence(text).replace(/^(es|son|is|are|consiste en|consists of)\s+/i, '');
  return body.charAt(0).toLocaleUpperCase() + body.slice(1);
}
