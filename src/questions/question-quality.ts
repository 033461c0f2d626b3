import { distance } from 'fastest-levenshtein';
import { normalizeTyped } from './answer-matching.js';
import { detectLanguage } from './parser/language.js';
import type { Language } from './parser/outline.js';
import { structuralProblems } from './question.dto.js';
import type { Question } from './question.js';
import { rulesOf } from './types/index.js';
import { isClause } from './text/standalone.js';
import { acronymsOf, stemsOf } from './text/stemming.js';

/**
 * The rubric of docs/question-quality.md. WRONG and AMBIGUOUS need a reader
 * who knows the subject (the reviewed bank); the other rules are partly
 * checked here, on every question, generated or curated.
 */
export const RUBRIC_RULES = ['WRONG', 'AMBIGUOUS', 'GIVEAWAY', 'BAD-DISTRACTOR', 'LANGUAGE', 'TRIVIAL', 'DUPLICATE'] as const;
export type RubricRule = (typeof RUBRIC_RULES)[number];

/** A problem found in a question: "GIVEAWAY: …". The rule code comes first so reports can count them. */
export type Finding = `${RubricRule | 'STRUCTURE'}: ${string}`;

export function ruleOf(finding: string): RubricRule | 'STRUCTURE' {
  return finding.slice(0, finding.indexOf(':')) as RubricRule | 'STRUCTURE';
}

/** Structure first (class-validator), then the rubric rules, which assume a well-formed question. */
export function questionProblems(question: unknown): Finding[] {
  const structural = structuralProblems(question);
  return structural ? [`STRUCTURE: ${structural}`] : qualityProblems(question as Question);
}

/** The rules every question must pass. Returns the problems found (empty when the question is good). */
export function qualityProblems(q: Question, language: Language = languageOf(q)): Finding[] {
  const problems = shapeProblems(q);
  if (problems.length) return problems;
  problems.push(...languageProblems(q));
  if (q.type === 'typed') {
    const prompt = ` ${normalizeTyped(q.prompt)} `;
    if (q.accepted.some((a) => prompt.includes(` ${normalizeTyped(a)} `))) problems.push('GIVEAWAY: the prompt contains the answer');
    return problems;
  }
  if (q.type !== 'single' && q.type !== 'multiple') return problems;
  const right = q.options.filter((_, i) => q.correct.includes(i));
  const wrong = q.options.filter((_, i) => !q.correct.includes(i));
  const overlap = promptOverlap(q.prompt, q.options, language);
  const best = Math.max(...q.correct.map((i) => overlap[i] ?? 0));
  const bestWrong = Math.max(0, ...q.options.map((_, i) => (q.correct.includes(i) ? 0 : (overlap[i] ?? 0))));
  if (best > 0 && best > bestWrong) problems.push('GIVEAWAY: the right option shares a word with the prompt that no wrong option does');
  if (acronymGiveaway(q.prompt, right, wrong)) problems.push('GIVEAWAY: an acronym of the right option is in the prompt');
  const outlier = lengthOutlier(q.options);
  if (outlier !== null)
    problems.push(
      q.correct.includes(outlier) ? 'GIVEAWAY: the right option is far longer than the others' : 'BAD-DISTRACTOR: one option is far longer than the others',
    );
  const format = formatOutlier(q.options);
  if (format !== null)
    problems.push(
      q.correct.includes(format)
        ? 'GIVEAWAY: the right option is the only descriptive phrase'
        : 'BAD-DISTRACTOR: one option is a descriptive phrase among names',
    );
  if (qualifiedKey(q.options, q.correct)) problems.push('GIVEAWAY: the right option is the only name with a qualifier');
  if (q.type === 'single' && onlyStatement(q.options, language) === q.correct[0])
    problems.push('GIVEAWAY: the right option is the only statement among noun phrases');
  for (const w of wrong) {
    if (right.some((r) => nearCopy(r, w))) problems.push(`BAD-DISTRACTOR: "${w}" is a near-copy of the right option`);
  }
  return problems;
}

function shapeProblems(q: Question): Finding[] {
  const problems: Finding[] = [];
  const normalized = q.options.map(normalizeTyped);
  if (new Set(normalized).size !== normalized.length) problems.push('STRUCTURE: duplicate options');
  if (q.correct.some((i) => i < 0 || i >= q.options.length)) problems.push('STRUCTURE: correct index out of range');
  if (new Set(q.correct).size !== q.correct.length) problems.push('STRUCTURE: repeated correct index');
  problems.push(...rulesOf(q).structureProblems(q));
  return problems;
}

/** Markdown left over from the slides, or quotes opened and never closed. */
function languageProblems(q: Question): Finding[] {
  const texts = [q.prompt, ...q.options, q.explanation];
  const problems: Finding[] = [];
  if (texts.some((t) => /\*\*|`|\]\(|^#+\s/.test(t))) problems.push('LANGUAGE: markdown left in the text');
  if (texts.some((t) => (t.match(/«/g) ?? []).length !== (t.match(/»/g) ?? []).length)) problems.push('LANGUAGE: unbalanced quotes');
  return problems;
}

export function languageOf(q: Question): Language {
  return detectLanguage(`${q.prompt} ${q.options.join(' ')} ${q.explanation}`);
}

/**
 * For each option, how many of its stems the prompt shares, not counting the
 * stems every option has ("virtualiz" in a list of kinds of virtualization).
 */
function promptOverlap(prompt: string, options: string[], language: Language): number[] {
  const promptStems = stemsOf(prompt, language);
  const optionStems = options.map((o) => new Set(stemsOf(o, language)));
  const common = new Set([...(optionStems[0] ?? [])].filter((s) => optionStems.every((set) => set.has(s))));
  return optionStems.map((set) => [...set].filter((s) => !common.has(s) && promptStems.some((p) => sameStem(p, s))).length);
}

/**
 * Equal stems, long ones a letter or two apart ("function" in Azure Functions
 * meets "funcion" in Funciones como servicio), or one inside a compound name
 * ("graph" in JanusGraph).
 */
function sameStem(a: string, b: string): boolean {
  if (a === b || (a.length >= 6 && b.length >= 6 && distance(a, b) <= 2)) return true;
  return (a.length >= 5 && b.length > a.length && b.includes(a)) || (b.length >= 5 && a.length > b.length && a.includes(b));
}

/** "FaaS" in the prompt and "Function as a Service (FaaS)" as the key, or the key's initials spelled out. */
function acronymGiveaway(prompt: string, right: string[], wrong: string[]): boolean {
  const promptAcronyms = new Set(acronymsOf(prompt));
  const wrongAcronyms = new Set(wrong.flatMap(acronymsOf));
  return right.some((r) => acronymsOf(r).some((a) => promptAcronyms.has(a) && !wrongAcronyms.has(a)));
}

/** One option at least twice as long as every other (and long enough to notice). */
function lengthOutlier(options: string[]): number | null {
  if (options.length < 3) return null;
  const lengths = options.map((o) => o.length);
  for (const [i, length] of lengths.entries()) {
    const others = lengths.filter((_, j) => j !== i);
    if (length >= 40 && length >= 2 * Math.max(...others)) return i;
  }
  return null;
}

/** One descriptive phrase ("El particionado de un disco duro") among short product or term names. */
function formatOutlier(options: string[]): number | null {
  if (options.length < 3) return null;
  const words = (o: string) => o.split(/\s+/).length;
  const descriptive = options.map((o) => words(o) >= 4 && /^(el|la|los|las|un|una|unos|unas|the|a|an)\s/i.test(o));
  if (descriptive.filter(Boolean).length === 1) {
    const i = descriptive.indexOf(true);
    if (options.every((o, j) => j === i || words(o) <= 3)) return i;
  }
  return null;
}

/**
 * The one option that says something ("Maps data of any size to …", "Es el
 * núcleo de …") among options that name things ("A digest computed with …",
 * "Máquina que posee …"): its shape alone answers "which is a trait of X?"
 * or "what is X?". Only phrases are compared, not short names.
 */
function onlyStatement(options: string[], language: Language): number | null {
  if (options.length < 3 || options.some((o) => o.split(/\s+/).length < 3)) return null;
  const clauses = options.map((o) => isClause(o, language));
  return clauses.filter(Boolean).length === 1 ? clauses.indexOf(true) : null;
}

/** The right answer is the one short name with a qualifier ("Sandboxie (Windows)") among bare names ("Xen", "KVM"). */
function qualifiedKey(options: string[], correct: number[]): boolean {
  if (options.length < 3) return false;
  const qualified = options.map((o) => /\(.+\)\s*$/.test(o) && o.split(/\s+/).length <= 4);
  return qualified.filter(Boolean).length === 1 && correct.includes(qualified.indexOf(true));
}

/**
 * A distractor that paraphrases the key. Only phrases are compared: short
 * names a letter apart are often real siblings ("Symmetric" / "Asymmetric encryption").
 */
function nearCopy(a: string, b: string): boolean {
  const x = normalizeTyped(a);
  const y = normalizeTyped(b);
  if (x.split(' ').length < 4 || y.split(' ').length < 4) return x === y;
  return distance(x, y) <= Math.max(1, Math.floor(Math.min(x.length, y.length) / 10)) || (x.length > 8 && y.length > 8 && (x.includes(y) || y.includes(x)));
}
