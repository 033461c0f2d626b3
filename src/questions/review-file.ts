import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Deck } from './deck.js';
import type { Question } from './question.js';
import { RUBRIC_RULES, type RubricRule } from './question-quality.js';

/**
 * "<deck>.review.json": a person's verdict on every question of the bank,
 * read against the rubric (docs/question-quality.md). The fingerprint ties
 * the verdict to what was read: a generator change that alters a question
 * (or adds one) leaves it without a valid verdict until someone reads it again.
 */
export interface ReviewEntry {
  verdict: 'ok' | RubricRule;
  note: string;
  fingerprint: string;
}
export type Review = Record<string, ReviewEntry>;

export function reviewFileOf(deckFile: string): string {
  return deckFile.replace(/\.md$/i, '.review.json');
}

/** What a reader saw: the prompt, the options, which are right, what typing is accepted. */
export function fingerprintOf(q: Question): string {
  const seen = JSON.stringify([q.type, q.prompt, q.options, q.correct, q.accepted]);
  return createHash('sha256').update(seen).digest('hex').slice(0, 12);
}

/** null when the deck has no review file. */
export async function loadReview(file: string): Promise<Review | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = JSON.parse(text) as Review;
  for (const [id, entry] of Object.entries(parsed)) {
    if (entry.verdict !== 'ok' && !RUBRIC_RULES.includes(entry.verdict)) throw new Error(`${file}: ${id}: unknown verdict "${entry.verdict}"`);
  }
  return parsed;
}

/** Questions of the bank that were not read as they are now, or were judged defective. */
export function reviewProblems(deck: Deck, review: Review): string[] {
  const problems: string[] = [];
  for (const q of deck.questions) {
    const entry = review[q.id];
    if (!entry) problems.push(`question ${q.id}: no review verdict`);
    else if (entry.fingerprint !== fingerprintOf(q)) problems.push(`question ${q.id}: changed since it was reviewed`);
    else if (entry.verdict !== 'ok') problems.push(`question ${q.id}: reviewed as ${entry.verdict}: ${entry.note}`);
  }
  return problems;
}
