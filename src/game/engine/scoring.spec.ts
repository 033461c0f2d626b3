import { describe, expect, test } from '@jest/globals';
import { scoreAnswer, speedPoints, streakBonus } from './scoring.js';

const base = { profile: 'classic' as const, timeLimitMs: 20_000, multiplier: 1 as const, previousStreak: 0 };

describe('classic scoring', () => {
  test('full points under 500 ms', () => {
    expect(scoreAnswer({ ...base, correct: true, responseMs: 499 }).points).toBe(1000);
  });

  test('round((1 - (t / limit) / 2) * base) after that', () => {
    expect(speedPoints(1000, 500, 20_000)).toBe(Math.round((1 - 500 / 20_000 / 2) * 1000));
    expect(speedPoints(1000, 10_000, 20_000)).toBe(750);
    expect(speedPoints(1000, 20_000, 20_000)).toBe(500);
    expect(speedPoints(1000, 7_333, 20_000)).toBe(817);
  });

  test('double points double the base', () => {
    expect(scoreAnswer({ ...base, multiplier: 2, correct: true, responseMs: 10_000 }).points).toBe(1500);
  });

  test('streak bonus: +100 per consecutive correct answer after the first, capped at +500', () => {
    expect([1, 2, 3, 6, 7, 20].map(streakBonus)).toEqual([0, 100, 200, 500, 500, 500]);
    const third = scoreAnswer({ ...base, correct: true, responseMs: 10_000, previousStreak: 2 });
    expect(third).toEqual({ points: 750 + 200, streak: 3 });
  });

  test('a wrong answer scores nothing and resets the streak', () => {
    expect(scoreAnswer({ ...base, correct: false, responseMs: 100, previousStreak: 4 })).toEqual({ points: 0, streak: 0 });
  });

  test('a 0x question awards nothing and leaves the streak alone', () => {
    expect(scoreAnswer({ ...base, multiplier: 0, correct: true, responseMs: 100, previousStreak: 3 })).toEqual({ points: 0, streak: 3 });
    expect(scoreAnswer({ ...base, multiplier: 0, correct: false, responseMs: 100, previousStreak: 3 })).toEqual({ points: 0, streak: 3 });
  });
});

describe('other profiles', () => {
  test('accuracy: flat points, no speed or streak bonus', () => {
    expect(scoreAnswer({ ...base, profile: 'accuracy', correct: true, responseMs: 19_000, previousStreak: 5 })).toEqual({ points: 1000, streak: 6 });
  });

  test('practice: no points, but the streak is still counted', () => {
    expect(scoreAnswer({ ...base, profile: 'practice', correct: true, responseMs: 100, previousStreak: 1 })).toEqual({ points: 0, streak: 2 });
  });
});
