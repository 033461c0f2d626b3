import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { deckOf, TEMA1 } from '../../test/support/decks.js';
import type { Deck } from './deck.js';
import { qualityProblems } from './question-quality.js';
import { QUESTION_TYPES, type Question } from './question.js';
import { composeRound, MAX_KIND_SHARE } from './round-composer.js';
import { revealsEachOther } from './round-overlap.js';

const FIXTURES = 'test/fixtures/decks';
const DECKS = [
  TEMA1,
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(FIXTURES, f)),
];

/**
 * Independent of the composer's own check: a round gives a question away when
 * another question's prompt, right answer or explanation contains both what
 * it asks about (a quoted name) and its right answer.
 */
function givesAway(q: Question, other: Question): boolean {
  const fold = (t: string) =>
    ` ${t
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}%]+/gu, ' ')
      .trim()} `;
  const right = q.type === 'single' || q.type === 'multiple' ? q.correct.flatMap((i) => q.options[i] ?? []) : q.type === 'typed' ? q.accepted.slice(0, 1) : [];
  const subjects = [...q.prompt.matchAll(/«([^»]+)»|"([^"]+)"/g)].map((m) => fold(m[1] ?? m[2] ?? ''));
  const otherRight = other.type === 'single' || other.type === 'multiple' ? other.correct.flatMap((i) => other.options[i] ?? []) : [];
  const shown = fold([other.prompt, ...otherRight, other.explanation].join(' | '));
  return right.some((r) => shown.includes(fold(r)) && subjects.some((s) => s !== fold(r) && shown.includes(s)));
}

describe.each(DECKS)('composeRound on %s (property-based)', (file) => {
  let deck: Deck;
  let byId: Map<string, Question>;
  /** The rules do not depend on option order: checked once per question, not once per round. */
  const checked = new Set<string>();
  beforeAll(async () => {
    deck = await deckOf(file);
    byId = new Map(deck.questions.map((q) => [q.id, q]));
  });

  const request = () =>
    fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      count: fc.integer({ min: 1, max: 20 }),
      sections: fc.subarray(deck.sections.map((s) => s.label)),
      types: fc.subarray([...QUESTION_TYPES]),
    });

  test('every composed round keeps to the selection, passes the rules, and no question gives another away', () => {
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
          if (!checked.has(q.id)) expect(qualityProblems(q)).toEqual([]);
          checked.add(q.id);
          if (req.sections.length) expect(req.sections).toContain(q.source.section);
          if (req.types.length) expect(req.types).toContain(q.type);
          // Shuffling moved the options, never the answer.
          const original = byId.get(q.id)!;
          expect(q.correct.map((i) => q.options[i]).sort()).toEqual(original.correct.map((i) => original.options[i]).sort());
          if (q.type === 'ordering') expect(q.correct.map((i) => q.options[i])).toEqual(original.correct.map((i) => original.options[i]));
          for (const other of round) if (other !== q) expect([q.id, other.id, givesAway(q, other)]).toEqual([q.id, other.id, false]);
        }
      }),
      { numRuns: 600 },
    );
  });

  test('a whole-deck round of up to ten spreads over kinds and sections', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 3, max: 10 }), (seed, count) => {
        const round = composeRound(deck.questions, { seed, count });
        expect(composeRound(deck.questions, { seed, count })).toEqual(round);
        const kinds = new Map<string, number>();
        for (const q of round) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
        expect(Math.max(...kinds.values())).toBeLessThanOrEqual(Math.max(1, Math.floor(MAX_KIND_SHARE * count)));
        // Round robin: a section gets a second question only when every section left out had nothing
        // that could join the round (each of its questions gives one away or is of a kind already full).
        const sections = new Map<string, number>();
        for (const q of round) sections.set(q.source.section, (sections.get(q.source.section) ?? 0) + 1);
        if (Math.max(...sections.values()) > 1) {
          const cap = Math.max(1, Math.floor(MAX_KIND_SHARE * count));
          for (const q of deck.questions.filter((x) => !sections.has(x.source.section))) {
            const blocked = (kinds.get(q.kind) ?? 0) >= cap || round.some((r) => revealsEachOther(r, q));
            expect([q.id, blocked]).toEqual([q.id, true]);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

test('asking for more questions than exist says how many there are', async () => {
  const deck = await deckOf(TEMA1);
  expect(() => composeRound(deck.questions, { count: 5, types: ['ordering'], seed: 1 })).toThrow(/Only 1 questions match that selection; asked for 5/);
});
