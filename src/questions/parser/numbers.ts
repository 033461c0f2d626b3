import { standaloneProblem, standaloneVersion } from '../text/standalone.js';
import type { DeckFacts, NumericFact } from './fact-types.js';
import type { Language, SourceRef } from './outline.js';

const YEAR = /(?<![\p{L}\d.,-])(1[5-9]\d\d|20\d\d)(?![\p{L}\d%])/gu;
const DECADE = /\b(?:los|las décadas de los|the)\s+(\d0)(?:'?s)?\b/giu;
/** "20-30%", "20 % - 30 %", "50%". */
const PERCENT = /(?<![\p{L}\d])(\d+(?:[.,]\d+)?(?:\s*%?\s*(?:[-–]|y(?: el| un)?|and|to)\s*\d+(?:[.,]\d+)?)?)\s*%/gu;
/** A count with its unit: "17 instrucciones", "3 Mbit/s", "5 megabytes". */
const COUNT = /(?<![\p{L}\d.,-])(\d+(?:[.,]\d+)?)\s+(?=[\p{Ll}]|[KMGT]?(?:bit|B|Hz|byte)s?\b)/gu;
/** Any figure, to tell a sentence with one figure from one with several. */
const ANY_FIGURE = /(?<![\p{L}\d])\d+(?![\p{L}\d])/gu;

/**
 * Figures a student can be asked to type: a year, a decade, a percentage
 * or a count with its unit that the sentence is about. A digit inside a
 * name ("Microsoft 365", "Windows 10", "IBM M44") is not a fact; nor is an
 * aside ("Como curiosidad; …"); nor a sentence with several figures, where
 * a blank would be guessed from the one left.
 */
export function collectNumbers(facts: DeckFacts, language: Language, text: string, refFor: (sentence: string) => SourceRef): void {
  for (const raw of splitIntoSentences(text)) {
    const sentence = standaloneVersion(raw, language, 'statement') ?? raw;
    const [first] = figuresOf(sentence);
    if (!first) continue;
    const problem = standaloneProblem(sentence, language, 'statement');
    const askable = problem === null && countFigures(sentence) === first.digits && !danglingPossessive(sentence, language);
    facts.numbers.push({ value: first.value, year: first.year, askable, standalone: problem === null, ref: refFor(sentence) });
  }
}

interface Figure {
  value: string;
  year: number | null;
  /** How many digit runs the figure itself contains ("20-30%" has two). */
  digits: number;
}

function figuresOf(sentence: string): Figure[] {
  const found: { at: number; figure: Figure }[] = [];
  // The figure is each pattern's first group, which every match has: the `undefined` checks only satisfy the types.
  for (const m of sentence.matchAll(YEAR)) {
    const year = m[1];
    if (year !== undefined && !insideName(sentence, m.index)) found.push({ at: m.index, figure: { value: year, year: Number(year), digits: 1 } });
  }
  for (const m of sentence.matchAll(DECADE)) {
    const decade = m[1];
    if (decade !== undefined) found.push({ at: m.index + m[0].indexOf(decade), figure: { value: decade, year: 1900 + Number(decade), digits: 1 } });
  }
  for (const m of sentence.matchAll(PERCENT)) {
    const value = m[0].trim();
    found.push({ at: m.index, figure: { value, year: null, digits: (value.match(/\d+/g) ?? []).length } });
  }
  for (const m of sentence.matchAll(COUNT)) {
    if (found.some((f) => f.at <= m.index && m.index < f.at + f.figure.value.length + 2)) continue;
    const count = m[1];
    if (count !== undefined && !insideName(sentence, m.index)) found.push({ at: m.index, figure: { value: count, year: null, digits: 1 } });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.figure);
}

const POSSESSIVE: Record<Language, RegExp> = { es: /(?<![\p{L}])(su|sus)(?![\p{L}])/iu, en: /(?<![\p{L}])(its|their)(?![\p{L}])/iu };

/**
 * "… sólo se aprovecha entre un 20-30% de su capacidad de proceso": whose
 * capacity is on the slide before, not in the sentence. A possessive needs a
 * name before it in the sentence ("VMware … su", "IBM … its"); a cloze
 * without one leaves the student guessing what the figure is about.
 */
function danglingPossessive(sentence: string, language: Language): boolean {
  const at = POSSESSIVE[language].exec(sentence)?.index;
  if (at === undefined) return false;
  const words = sentence
    .slice(0, at)
    .split(/[^\p{L}\d-]+/u)
    .filter(Boolean);
  const isName = (w: string, i: number) => /^\p{Lu}/u.test(w) && (i > 0 || /\p{Lu}/u.test(w.slice(1)));
  return !words.some(isName);
}

function countFigures(sentence: string): number {
  return (sentence.match(ANY_FIGURE) ?? []).length;
}

/** "Windows 10", "Microsoft 365": a capitalised word right before the figure, not the sentence's first. */
function insideName(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at).trimEnd();
  const word = /([\p{L}\d-]+)$/u.exec(before)?.[1];
  if (!word) return false;
  const isFirstWord = before.length === word.length;
  // A capitalised word before the figure names a product ("Windows 10"), unless it only opens the sentence ("En 1999", "Hay 17").
  return (
    /^\p{Lu}/u.test(word) &&
    !(
      isFirstWord &&
      /^(En|In|Desde|Since|From|Hasta|Until|Entre|Between|Hay|Son|Unos|Unas|Más|Sólo|Solo|About|Over|Some|Only|By|Around|Cerca|Alrededor)$/.test(word)
    )
  );
}

function splitIntoSentences(text: string): string[] {
  return text
    .split(/(?<![\s(]\p{Lu}\.)(?<=[.!?;])\s+(?=[\p{Lu}¿¡"«“])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export type { NumericFact };
