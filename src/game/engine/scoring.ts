import { assertNever } from '../../common/assert-never.js';

/** How a game awards points; the DTOs' allowed values derive from this list. */
export const SCORING_PROFILES = ['classic', 'accuracy', 'practice'] as const;
export type ScoringProfile = (typeof SCORING_PROFILES)[number];

export const BASE_POINTS = 1000;
/** Kahoot gives full points to answers faster than this. */
export const FULL_POINTS_WINDOW_MS = 500;
export const STREAK_STEP = 100;
export const STREAK_CAP = 500;

export interface ScoreInput {
  profile: ScoringProfile;
  correct: boolean;
  responseMs: number;
  timeLimitMs: number;
  multiplier: 0 | 1 | 2;
  /** The player's streak before this answer. */
  previousStreak: number;
}

export interface ScoreResult {
  points: number;
  streak: number;
}

/**
 * Classic: round((1 - (responseMs / timeLimitMs) / 2) * base), full points
 * under 500 ms, plus +100 per consecutive correct answer after the first,
 * capped at +500. Accuracy: flat base points. Practice: no points.
 * A wrong or missing answer scores 0 and resets the streak. A 0× question
 * awards nothing and leaves the streak as it was, as Kahoot does.
 */
export function scoreAnswer(input: ScoreInput): ScoreResult {
  if (input.multiplier === 0) return { points: 0, streak: input.previousStreak };
  if (!input.correct) return { points: 0, streak: 0 };
  const streak = input.previousStreak + 1;
  const base = BASE_POINTS * input.multiplier;
  switch (input.profile) {
    case 'practice':
      return { points: 0, streak };
    case 'accuracy':
      return { points: base, streak };
    case 'classic':
      return { points: speedPoints(base, input.responseMs, input.timeLimitMs) + streakBonus(streak), streak };
    default:
      return assertNever(input.profile, 'scoring profile');
  }
}

export function speedPoints(base: number, responseMs: number, timeLimitMs: number): number {
  if (responseMs < FULL_POINTS_WINDOW_MS) return base;
  const fraction = Math.min(responseMs, timeLimitMs) / timeLimitMs;
  return Math.round((1 - fraction / 2) * base);
}

/** streak counts this answer: the first correct answer earns no bonus. */
export function streakBonus(streak: number): number {
  return Math.min(Math.max(streak - 1, 0) * STREAK_STEP, STREAK_CAP);
}
