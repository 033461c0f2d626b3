import { normalizeTyped } from './answer-matching.js';
import { structuralProblems } from './question.dto.js';
import type { Question } from './question.js';

/** Significant words: long enough to carry meaning. */
function words(text: string): string[] {
  return normalizeTyped(text)
    .split(' ')
    .filter((w) => w.length >= 5);
}

/**
 * The rules every question must pass, generated or curated. Returns the
 * problems found (empty when the question is good).
 */
export function qualityProblems(q: Question): string[] {
  const problems: string[] = [];
  const normalized = q.options.map(normalizeTyped);
  if (new Set(normalized).size !== normalized.length) problems.push('duplicate options');
  if (q.correct.some((i) => i < 0 || i >= q.options.length)) problems.push('correct index out of range');
  if (new Set(q.correct).size !== q.correct.length) problems.push('repeated correct index');
  switch (q.type) {
    case 'single':
    case 'truefalse':
      if (q.correct.length !== 1) problems.push('needs exactly one correct option');
      if (q.options.length < 2) problems.push('needs at least two options');
      break;
    case 'multiple':
      if (q.correct.length < 1 || q.correct.length >= q.options.length) problems.push('needs some, not all, options correct');
      break;
    case 'ordering':
      if (q.options.length < 3 || q.correct.length !== q.options.length) problems.push('ordering needs every item placed');
      break;
    case 'typed':
      if (q.accepted.length === 0) problems.push('typed question without accepted answers');
      if (q.options.length > 0) problems.push('typed question with options');
      break;
  }
  // Only a question whose answer points at real options can be checked for giving it away.
  if (problems.length === 0 && givesAway(q)) problems.push('the prompt gives the answer away');
  return problems;
}

/**
 * A choice question gives itself away when a distinctive word of the right
 * option (one no wrong option shares) appears in the prompt.
 */
function givesAway(q: Question): boolean {
  if (q.type === 'typed') return q.accepted.some((a) => normalizeTyped(q.prompt).split(' ').includes(normalizeTyped(a)));
  if (q.type !== 'single' && q.type !== 'multiple') return false;
  const prompt = new Set(words(q.prompt));
  const wrongWords = new Set(q.options.filter((_, i) => !q.correct.includes(i)).flatMap(words));
  return q.correct.some((i) => {
    const distinctive = words(q.options[i]).filter((w) => !wrongWords.has(w));
    return distinctive.length > 0 && distinctive.every((w) => prompt.has(w));
  });
}

/** Structure first (class-validator), then the quality rules, which assume a well-formed question. */
export function questionProblems(question: unknown): string[] {
  const structural = structuralProblems(question);
  return structural ? [structural] : qualityProblems(question as Question);
}
