import { describe, expect, test } from '@jest/globals';
import type { HistoryQuestion, HistoryRecord } from '../../history/history-record.js';
import { analyzeItems, type ItemStats } from './item-analysis.js';

/**
 * Constructed classes with figures worked out by hand. A matrix row is a
 * player, a column a question; each cell the option the player chose (null:
 * no answer). Every question is single choice with option 0 as its key.
 */
function record(gameId: string, endedAt: number, matrix: Array<Array<number | null>>, options = ['A', 'B', 'C']): HistoryRecord {
  const players = matrix.map((_, i) => `p${i}`);
  const questions = matrix[0]!.map((_, qi): HistoryQuestion => ({
    index: qi,
    questionId: `q${qi + 1}`,
    type: 'single',
    prompt: `Question ${qi + 1}`,
    options,
    correct: [0],
    accepted: [],
    source: { section: '1. S', slide: '', sentence: '' },
    tags: [],
    distribution: { options: [], correct: 0, incorrect: 0, unanswered: 0 },
    correctRate: 0,
    medianResponseMs: null,
    answers: matrix.flatMap((row, pi) =>
      row[qi] === null
        ? []
        : [{ playerId: players[pi]!, nickname: players[pi]!, answer: row[qi]!, correct: row[qi] === 0, points: 0, responseMs: 1000 * (pi + 1) }],
    ),
  }));
  const leaderboard = players.map((playerId, i) => ({
    playerId,
    nickname: playerId,
    score: 0,
    correctCount: 0,
    streak: 0,
    bestStreak: 0,
    rank: i + 1,
    previousRank: null,
    roundPoints: 0,
  }));
  return { gameId, deckId: 'd', deckTitle: 'D', settings: {} as never, startedAt: endedAt - 1, endedAt, endReason: 'completed', leaderboard, questions };
}

const byId = (items: ItemStats[]) => new Map(items.map((i) => [i.questionId, i]));

describe('item analysis', () => {
  // Right (0) or wrong (1): A ✓✓✓✗, B ✓✓✗✗, C ✓✗✗✓, D ✗✗✗✓.
  const small = record('g1', 100, [
    [0, 0, 0, 1],
    [0, 0, 1, 1],
    [0, 1, 1, 0],
    [1, 1, 1, 0],
  ]);

  test('a question the weaker half gets right and the stronger half misses: negative discrimination', () => {
    const q4 = byId(analyzeItems([small])).get('q4')!;
    expect(q4.facility).toBe(0.5);
    // Rest scores (the other three questions): A 1, B 2/3, C 1/3, D 0. 27 % of 4 rounds to 1:
    // upper group A (wrong), lower group D (right) → 0 − 1.
    expect(q4.discrimination).toBe(-1);
    // M1 = 1/6, M0 = 5/6, s = √(5/36), p = q = 1/2 → (−2/3)/(√5/6)·1/2 = −2/√5.
    expect(q4.pointBiserial).toBeCloseTo(-2 / Math.sqrt(5), 10);
    expect(q4.meanResponseMs).toBe(2500);
  });

  test('ties at the group boundary count with their average, so the index is order-free', () => {
    const items = byId(analyzeItems([small]));
    // q1: rest A 2/3, B C D 1/3 each (scores 1, 1, 0): upper A = 1, lower = mean(1, 1, 0) → 1/3.
    expect(items.get('q1')!.discrimination).toBeCloseTo(1 / 3, 10);
    // M1 = 4/9, M0 = 1/3, s = √(1/48), p = 3/4 → exactly 1/3.
    expect(items.get('q1')!.pointBiserial).toBeCloseTo(1 / 3, 10);
    // q2: rest A 2/3, C 2/3 (scores 1, 0) and B 1/3, D 1/3 (scores 1, 0): both groups 0.5.
    expect(items.get('q2')!.discrimination).toBe(0);
    expect(items.get('q2')!.pointBiserial).toBe(0);
    expect(items.get('q3')!.facility).toBe(0.25);
  });

  test('too few players: figures, but no flags', () => {
    expect(analyzeItems([small]).flatMap((i) => i.flags)).toEqual([]);
  });

  // Ten players: q1–q4 sort them (p0 strongest); q5 has the key on an option the strong ones avoid.
  const rows = Array.from({ length: 10 }, (_, p) => [p < 8 ? 0 : 1, p < 6 ? 0 : 1, p < 4 ? 0 : p % 2 ? 1 : 2, p < 2 ? 0 : 1, p < 5 ? 1 : 0, 0]);
  const tenPlayers = record('g2', 200, rows);

  test('a wrong key is flagged, with the figures behind it', () => {
    const q5 = byId(analyzeItems([tenPlayers])).get('q5')!;
    expect(q5.facility).toBe(0.5);
    // 27 % of 10 rounds to 3: the upper three (p0–p2) all missed it, the lower three (p7–p9) all got it.
    expect(q5.discrimination).toBe(-1);
    expect(q5.flags.map((f) => f.code)).toEqual(['negative-discrimination', 'unused-distractor']);
    expect(q5.options).toEqual([
      { option: 'A', count: 5, share: 0.5, correct: true },
      { option: 'B', count: 5, share: 0.5, correct: false },
      { option: 'C', count: 0, share: 0, correct: false },
    ]);
  });

  test('everyone right: too easy; a distractor nobody picks; a good question is not flagged', () => {
    const items = byId(analyzeItems([tenPlayers]));
    expect(items.get('q6')!.facility).toBe(1);
    expect(items.get('q6')!.flags.map((f) => f.code)).toEqual(['too-easy', 'unused-distractor', 'unused-distractor']);
    // q2: rest scores p0 p1 4; p2 p3 p5 p6 p7 3; p4 p8 p9 2. Upper three: p0, p1 (right) and one
    // place shared by the 3s (3 of 5 right, 0.6) → 2.6/3; lower three: the 2s (1 of 3 right) → 1/3.
    expect(items.get('q2')!.discrimination).toBeCloseTo(8 / 15, 10);
    expect(items.get('q2')!.flags.map((f) => f.code)).toEqual(['unused-distractor']);
    expect(items.get('q3')!.discrimination).toBeCloseTo(8 / 15, 10);
    expect(items.get('q3')!.flags).toEqual([]);
  });

  test('several games add up; games before the last change of a question do not count for it', () => {
    const both = byId(analyzeItems([small, tenPlayers]));
    expect(both.get('q1')!).toMatchObject({ responses: 14, games: 2, facility: 11 / 14 });
    const since = new Map([['q1', { type: 'single' as const, options: ['A', 'B', 'C'], correct: [0], changedAt: 150 }]]);
    expect(byId(analyzeItems([small, tenPlayers], since)).get('q1')!).toMatchObject({ responses: 10, games: 1, facility: 0.8 });
  });

  test('a player who did not answer counts as wrong', () => {
    const q = byId(analyzeItems([record('g3', 10, [[0], [null]])])).get('q1')!;
    expect([q.responses, q.facility]).toEqual([2, 0.5]);
  });
});
