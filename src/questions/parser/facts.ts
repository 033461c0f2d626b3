import type { Language, Outline, OutlineItem, OutlineSection, SourceRef } from './outline.js';

/** What the generators build questions from: facts pulled out of the outline, each with its source. */
export interface Definition {
  term: string;
  definition: string;
  ref: SourceRef;
}

export interface Category {
  name: string;
  examples: string[];
  ref: SourceRef;
}

export interface NumericFact {
  /** The number as written ("1999", "17", "20-30%"). */
  value: string;
  /** Year the fact dates from, when it is a date (for ordering history). */
  year: number | null;
  ref: SourceRef;
}

export interface FactList {
  title: string;
  items: string[];
  ref: SourceRef;
}

export interface DeckFacts {
  definitions: Definition[];
  categories: Category[];
  numbers: NumericFact[];
  lists: FactList[];
  /** Sections whose bullets are questions for the class (answered by a curated bank). */
  openQuestions: string[];
}

const LIST_HEADINGS: Record<Language, RegExp> = {
  es: /^(ventajas|desventajas|inconvenientes|diferencias|ejemplos?|motivos?|caracter[ií]sticas|cuestiones|sobre)\b/i,
  en: /^(advantages|disadvantages|drawbacks|differences|examples?|reasons?|features|questions|about)\b/i,
};
const EXAMPLES = /^(?:ejemplos?|examples?|e\.g\.)\s*:\s*(.*)$/i;
const TRAILING_EXAMPLES = /\s*(?:ejemplos?|examples?)\s*:\s*$/i;
const OPEN_QUESTIONS = /^(cuestiones|preguntas|questions|review questions)$/i;
/** A definition that leans on the bullet before it ("Igual a la anterior, pero…") cannot stand alone in a question. */
const ANAPHORA: Record<Language, RegExp> = {
  es: /^(igual (a|que) (la|el|lo) anterior|lo mismo que (la|el|lo) anterior|como (la|el) anterior)/i,
  en: /^(same as|like|as with) the (previous|above|former)/i,
};

export function extractFacts(outline: Outline): DeckFacts {
  const facts: DeckFacts = { definitions: [], categories: [], numbers: [], lists: [], openQuestions: [] };
  for (const section of outline.sections) {
    if (isOpenQuestionSection(section.title)) {
      facts.openQuestions.push(section.label);
      continue;
    }
    for (const topic of section.topics) {
      const ctx: Ctx = { facts, section, slide: topic.slides[0] ?? topic.title, language: outline.language };
      visitItems(ctx, topic.title, topic.items, null);
      const plain = topic.items.filter((i) => !i.lead).map((i) => firstSentence(i.text));
      if (plain.length >= 3) facts.lists.push({ title: section.label, items: plain, ref: ref(ctx, plain[0]) });
    }
  }
  mergeCategories(facts);
  return facts;
}

interface Ctx {
  facts: DeckFacts;
  section: OutlineSection;
  slide: string;
  language: Language;
}

function ref(ctx: Ctx, sentence: string): SourceRef {
  return { section: ctx.section, slide: ctx.slide, sentence };
}

function visitItems(ctx: Ctx, context: string, items: OutlineItem[], parentLead: string | null): void {
  for (const item of items) {
    collectNumbers(ctx, item.text);
    const examples = exampleList(item);
    const owner = parentLead ?? item.lead;
    if (examples.length >= 1 && !(owner && LIST_HEADINGS[ctx.language].test(owner))) {
      ctx.facts.categories.push({ name: parentLead ?? item.lead ?? context, examples, ref: ref(ctx, item.text) });
    }
    if (item.lead && !LIST_HEADINGS[ctx.language].test(item.lead)) collectTerm(ctx, item);
    if (item.lead && LIST_HEADINGS[ctx.language].test(item.lead) && item.children.length >= 2) {
      const title = `${item.lead}`;
      ctx.facts.lists.push({ title, items: item.children.map((c) => firstSentence(c.text)), ref: ref(ctx, item.children[0].text) });
    }
    if (item.lead && item.children.length >= 2 && !LIST_HEADINGS[ctx.language].test(item.lead)) {
      const traits = item.children.filter((c) => exampleList(c).length === 0 && !c.text.startsWith('¿')).map((c) => firstSentence(c.text));
      if (traits.length >= 2) ctx.facts.lists.push({ title: item.lead, items: traits, ref: ref(ctx, item.children[0].text) });
    }
    visitItems(ctx, item.lead ?? context, item.children, item.lead ?? parentLead);
  }
}

function collectTerm(ctx: Ctx, item: OutlineItem): void {
  const inline = item.rest.replace(TRAILING_EXAMPLES, '').trim();
  const firstChild = item.children.find((c) => !EXAMPLES.test(c.text) && !c.text.startsWith('¿'));
  const source = inline || firstChild?.text || '';
  if (!source || ANAPHORA[ctx.language].test(source)) return;
  ctx.facts.definitions.push({ term: item.lead!, definition: cleanDefinition(source), ref: ref(ctx, inline ? item.text : source) });
}

function exampleList(item: OutlineItem): string[] {
  const inline = EXAMPLES.exec(item.text);
  if (inline && inline[1].trim()) return splitExamples(inline[1]);
  if ((inline || TRAILING_EXAMPLES.test(item.text)) && item.children.length) {
    return item.children.map((c) => c.text.replace(/\.$/, '').trim());
  }
  return [];
}

function splitExamples(text: string): string[] {
  return text
    .split(/,\s*|\s+(?:o|y|or|and)\s+/)
    .map((s) => s.replace(/\.$/, '').trim())
    .filter((s) => s && !/^etc\.?$/i.test(s))
    .map((s) => s.charAt(0).toLocaleUpperCase() + s.slice(1));
}

const YEAR = /\b(1[5-9]\d\d|20\d\d)\b/;
const DECADE = /\b(?:los|the)\s+(\d0)'?s?\b/i;
const NUMBER = /\b\d+(?:[-–]\d+)?\s*%|\b\d+\b/;

function collectNumbers(ctx: Ctx, text: string): void {
  for (const sentence of splitSentences(text)) {
    const year = YEAR.exec(sentence);
    const decade = DECADE.exec(sentence);
    const number = NUMBER.exec(sentence);
    if (year) ctx.facts.numbers.push({ value: year[1], year: Number(year[1]), ref: ref(ctx, sentence) });
    else if (decade) ctx.facts.numbers.push({ value: decade[1], year: 1900 + Number(decade[1]), ref: ref(ctx, sentence) });
    else if (number) ctx.facts.numbers.push({ value: number[0].trim(), year: null, ref: ref(ctx, sentence) });
  }
}

/** Same category named on several slides (a topic split over slides): one category. */
function mergeCategories(facts: DeckFacts): void {
  const merged = new Map<string, Category>();
  for (const c of facts.categories) {
    const existing = merged.get(c.name);
    if (existing) existing.examples = [...new Set([...existing.examples, ...c.examples])];
    else merged.set(c.name, { ...c, examples: [...new Set(c.examples)] });
  }
  facts.categories = [...merged.values()];
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
