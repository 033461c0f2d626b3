import { beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { deckOf, TEMA1 } from '../../test/support/decks.js';
import type { Deck } from './deck.js';
import { qualityProblems } from './question-quality.js';
import { QUESTION_TYPES, type Question } from './question.js';
import { composeRound } from './round-composer.js';

describe('composeRound (property-based)', () => {
  let deck: Deck;
  let byId: Map<string, Question>;
  beforeAll(async () => {
    deck = await deckOf(TEMA1);
    byId = new Map(deck.questions.map((q) => [q.id, q]));
  });

  const request = () =>
    fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      count: fc.integer({ min: 1, max: 30 }),
      sections: fc.subarray(deck.sections.map((s) => s.label)),
      types: fc.subarray([...QUESTION_TYPES]),
    });

  test('every composed round satisfies the quality rules and the selection', () => {
    fc.assert(
      fc.property(request(), (req) => {
        let round: Question[];
        try {
          round = composeRound(deck.questions, req);
        } catch (err) {
          expect(err).toMatchObject({ code: 'NOT_ENOUGH_QUESTIONS' });
          return;
        }
        expect(round).toHaveLength(req.count);
        expect(new Set(round.map((q) => q.id)).size).toBe(req.count);
        for (const q of round) {
          expect(qualityProblems(q)).toEqual([]);
          if (req.sections.length) expect(req.sections).toContain(q.source.section);
          if (req.types.length) expect(req.types).toContain(q.type);
          // Shuffling moved the options, never the answer.
          const original = byId.get(q.id)!;
          expect(q.correct.map((i) => q.options[i]).sort()).toEqual(original.correct.map((i) => original.options[i]).sort());
          if (q.type === 'ordering') expect(q.correct.map((i) => q.options[i])).toEqual(original.correct.map((i) => original.options[i]));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('the same seed gives the same round; rounds spread over the chosen sections', () => {
    fc.assert(
      fc.property(request(), (req) => {
        const eligible = deck.questions.filter(
          (q) => (!req.sections.length || req.sections.includes(q.source.section)) && (!req.types.length || req.types.includes(q.type)),
        );
        fc.pre(eligible.length >= req.count);
        const a = composeRound(deck.questions, req);
        expect(composeRound(deck.questions, req)).toEqual(a);
        const available = new Map<string, number>();
        for (const q of eligible) available.set(q.source.section, (available.get(q.source.section) ?? 0) + 1);
        const picked = new Map<string, number>();
        for (const q of a) picked.set(q.source.section, (picked.get(q.source.section) ?? 0) + 1);
        // Round robin: a section is short of the fullest one only when it ran out of questions.
        const most = Math.max(...picked.values());
        for (const [section, n] of available) expect(picked.get(section) ?? 0).toBeGreaterThanOrEqual(Math.min(n, most - 1));
      }),
      { numRuns: 200 },
    );
  });

  test('asking for more questions than exist says how many there are', () => {
    expect(() => composeRound(deck.questions, { count: 5, types: ['ordering'], seed: 1 })).toThrow(
      /Only 1 questions match that selection; asked for 5/,
    );
  });
});
