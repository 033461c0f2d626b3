import { distance } from 'fastest-levenshtein';

/**
 * Matching typed answers. Per-type grading is in the question-type registry
 * (src/questions/types/); the typed type's entry uses these.
 */

/**
 * Folds what a student types on a phone keyboard into a comparable form:
 * case, accents, punctuation and spacing do not matter ("Máquina  virtual." ≡ "maquina virtual").
 */
export function normalizeTyped(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/%/g, ' % ')
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

/** Words long enough to forgive one slip of the thumb; numbers must be exact. */
function typoTolerance(expected: string): number {
  if (/\d/.test(expected)) return 0;
  return expected.length >= 6 ? 1 : 0;
}

export function matchesTyped(given: string, accepted: readonly string[]): boolean {
  const typed = normalizeTyped(given);
  if (typed === '') return false;
  const typedRange = rangeOf(typed);
  return accepted.some((candidate) => {
    const expected = normalizeTyped(candidate);
    if (typedRange && typedRange === rangeOf(expected)) return true;
    return distance(typed, expected) <= typoTolerance(expected);
  });
}

/** Words students put around a range: "entre 20 y 30", "20 to 30", "de 20 a 30 %". */
const RANGE_WORDS = new Set(['entre', 'y', 'a', 'de', 'del', 'al', 'un', 'el', 'between', 'and', 'to', 'from', 'the', '%', 'por', 'ciento', 'percent']);

/**
 * "20-30%", "20%-30%", "20 y 30%", "entre 20 y 30", "20 to 30" → "20-30";
 * null when the text is not two figures joined by range words.
 */
function rangeOf(normalized: string): string | null {
  const words = normalized.split(' ').filter((w) => !RANGE_WORDS.has(w));
  if (words.length !== 2 || !words.every((w) => /^\d+$/.test(w))) return null;
  return `${words[0]}-${words[1]}`;
}
