import type { AnswerRecord, GameState, RoundQuestion } from './game-state.js';

/**
 * Lookups the engine's own transitions guarantee: `openQuestion` sets the
 * index, the answer table and the clock together, and only the engine moves
 * them. A miss here is a broken game state, never a client's mistake (a
 * client's question index is compared with `game.index` before any of these
 * runs), so it throws a plain `Error` naming the invariant.
 */

/** A question of the round by an index the engine chose (the open one, or one already asked). */
export function questionAt(game: GameState, index: number): RoundQuestion {
  const question = game.questions[index];
  if (!question) throw new Error(`game ${game.id}: question ${index} is not in its round of ${game.questions.length}`);
  return question;
}

/** The answers to a question that was opened: `openQuestion` creates the table. */
export function answersTo(game: GameState, index: number): Record<string, AnswerRecord> {
  const answers = game.answers[index];
  if (!answers) throw new Error(`game ${game.id}: question ${index} has no answer table, so it was never opened`);
  return answers;
}

/** The open question's clock: set when it opens, moved by a resume, and the deadline cleared when it closes. */
export function questionClock(game: GameState): { openedAt: number; deadlineAt: number } {
  const { openedAt, deadlineAt } = game;
  if (openedAt === null || deadlineAt === null) throw new Error(`game ${game.id}: question ${game.index} is open without a clock (phase ${game.phase})`);
  return { openedAt, deadlineAt };
}
