import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { deckOf, TEMA1 } from '../../test/support/decks.js';
import { fingerprintOf, loadReview, reviewFileOf, reviewProblems } from './review-file.js';

const FIXTURES = 'test/fixtures/decks';
const REVIEWED = [
  TEMA1,
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(FIXTURES, f))
    .filter((f) => existsSync(reviewFileOf(f))),
];

/**
 * Every question the generator produces for a reviewed deck was read, as it
 * is now, and judged sound. A generator change that alters the bank fails
 * here until someone reads the changed questions and records a verdict.
 */
describe.each(REVIEWED)('the reviewed bank of %s', (file) => {
  test('every question has a current verdict, and every verdict is ok', async () => {
    const review = await loadReview(reviewFileOf(file));
    expect(review).not.toBeNull();
    expect(reviewProblems(await deckOf(file), review!)).toEqual([]);
  });
});

test('a changed question loses its verdict', async () => {
  const deck = await deckOf(TEMA1);
  const first = deck.questions[0]!;
  const review = { [first.id]: { verdict: 'ok' as const, note: 'read', fingerprint: fingerprintOf(first) } };
  const changed = { ...deck, questions: [{ ...first, prompt: `${first.prompt} (reworded)` }] };
  expect(reviewProblems({ ...deck, questions: [first] }, review)).toEqual([]);
  expect(reviewProblems(changed, review)).toEqual([`question ${first.id}: changed since it was reviewed`]);
  expect(reviewProblems({ ...deck, questions: [first] }, { [first.id]: { ...review[first.id]!, verdict: 'AMBIGUOUS', note: 'two keys' } })).toEqual([
    `question ${first.id}: reviewed as AMBIGUOUS: two keys`,
  ]);
});
