import { distance } from 'fastest-levenshtein';
import type { AnswerValue, Question } from './question.js';

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
  return accepted.some((candidate) => {
    const expected = normalizeTyped(candidate);
    return distance(typed, expected) <= typoTolerance(expected);
  });
}

/** Whether `answer` has the shape the question type expects (not whether it is right). */
export function isWellFormed(question: Question, answer: AnswerValue): boolean {
  const inRange = (i: unknown) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < question.options.length;
  switch (question.type) {
    case 'single':
    case 'truefalse':
      return inRange(answer);
    case 'multiple':
      return Array.isArray(answer) && answer.length > 0 && answer.every(inRange) && new Set(answer).size === answer.length;
    case 'ordering':
      return Array.isArray(answer) && answer.length === question.options.length && answer.every(inRange) && new Set(answer).size === answer.length;
    case 'typed':
      return typeof answer === 'string';
  }
}

/** Exact grading: all-or-nothing for multiple select and ordering. Assumes a well-formed answer. */
export function isCorrectAnswer(question: Question, answer: AnswerValue): boolean {
  switch (question.type) {
    case 'single':
    case 'truefalse':
      return answer === question.correct[0];
    case 'multiple': {
      const chosen = [...(answer as number[])].sort((a, b) => a - b);
      return chosen.length === question.correct.length && chosen.every((v, i) => v === question.correct[i]);
    }
    case 'ordering':
      return (answer as number[]).every((v, i) => v === question.correct[i]);
    case 'typed':
      return matchesTyped(answer as string, question.accepted);
  }
}
