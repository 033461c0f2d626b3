import { isCorrectAnswer, isWellFormed } from '../../questions/types/index.js';
import type { AnswerValue } from '../../questions/question.js';
import { answersTo, questionAt, questionClock } from './asked-questions.js';
import { dict } from './dict.js';
import { GameError } from '../../common/game-error.js';
import type { GameEvent } from './game-events.js';
import type { AnswerRecord, EndReason, GameState, PlayerState } from './game-state.js';
import { storeRanks } from './ranking.js';
import { scoreAnswer } from './scoring.js';

export function startGame(game: GameState, now: number): GameEvent[] {
  if (game.phase !== 'lobby') throw new GameError('WRONG_PHASE', 'The game has already started.');
  if (game.activeCount === 0) throw new GameError('NO_PLAYERS');
  game.startedAt = now;
  return openQuestion(game, 0, now);
}

/** The question is shown alone first ("get ready"); its clock starts only when the options open. */
function openQuestion(game: GameState, index: number, now: number): GameEvent[] {
  const getReadyMs = game.settings.getReadyMs ?? 0;
  game.phase = 'question';
  game.index = index;
  (game.askedAt ??= [])[index] = now;
  game.opensAt = getReadyMs > 0 ? now + getReadyMs : null;
  game.openedAt = now + getReadyMs;
  game.deadlineAt = game.openedAt + game.settings.timeLimitMs;
  game.answers[index] = dict();
  return [{ type: 'question-opened' }];
}

/** Host "next": reveal → leaderboard → next question …; the last reveal leads to the podium. */
export function advance(game: GameState, now: number): GameEvent[] {
  const isLast = game.index >= game.questions.length - 1;
  switch (game.phase) {
    case 'reveal':
      if (isLast) return finishGame(game, now, 'completed');
      game.phase = 'leaderboard';
      return [{ type: 'leaderboard-shown' }];
    case 'leaderboard':
      return openQuestion(game, game.index + 1, now);
    case 'question':
      throw new GameError('WRONG_PHASE', 'A question is open: skip it to close it now.');
    case 'lobby':
      throw new GameError('WRONG_PHASE', 'The game has not started yet.');
    default:
      throw new GameError('GAME_OVER');
  }
}

/** Host "skip": close the open question now; answers already in still count. */
export function skipQuestion(game: GameState): GameEvent[] {
  if (game.phase !== 'question') throw new GameError('WRONG_PHASE', 'No question is open.');
  return closeQuestion(game);
}

/** Players the open question still waits for: connected, or dropped less than the grace ago. */
export function stillExpected(game: GameState, player: PlayerState, now: number): boolean {
  if (player.kicked) return false;
  return player.connected || (player.leftAt !== null && now - player.leftAt < game.settings.reconnectGraceMs);
}

/** How many players the open question is waiting on or has heard from: the "everyone" of "everyone answered". */
export function awaitedCount(game: GameState, now: number): number {
  let count = 0;
  for (const p of Object.values(game.players)) if (stillExpected(game, p, now)) count += 1;
  return count;
}

export function everyoneAnswered(game: GameState, now: number): boolean {
  const answers = game.answers[game.index] ?? {};
  return !Object.values(game.players).some((p) => !answers[p.id] && stillExpected(game, p, now));
}

/** Whether the open question is still shown alone, before its options open (then `opensAt` says when). */
export function inGetReady(game: GameState): game is GameState & { opensAt: number } {
  return game.phase === 'question' && game.opensAt != null;
}

export interface AnswerOutcome {
  /** True when this player had already answered: the first answer stands. */
  duplicate: boolean;
  events: GameEvent[];
}

export type AnswerEvaluation = { duplicate: true } | { duplicate: false; record: AnswerRecord };

/**
 * Checks an answer and scores it, changing nothing: a store can then record
 * it atomically (see `openKey`). Response time is the server's, from the
 * opening of the question, paused time excluded, capped at the time limit.
 */
export function evaluateAnswer(game: GameState, playerId: string, questionIndex: number, answer: AnswerValue, now: number): AnswerEvaluation {
  const player = game.players[playerId];
  if (!player) throw new GameError('NOT_PLAYER');
  if (player.kicked) throw new GameError('KICKED');
  if (game.answers[questionIndex]?.[playerId]) return { duplicate: true };
  if (questionIndex !== game.index) throw new GameError('NOT_OPEN', `Question ${questionIndex} is not the current one.`);
  if (game.phase !== 'question') throw new GameError('TOO_LATE');
  if (game.paused) throw new GameError('PAUSED');
  // By the clock, not the flag: an instance holding a state a moment old must still accept answers once the options opened.
  if (game.opensAt != null && now < game.opensAt) throw new GameError('NOT_OPEN', 'The options are not open yet.');
  const { openedAt, deadlineAt } = questionClock(game);
  if (now > deadlineAt + game.settings.graceMs) throw new GameError('TOO_LATE');
  // The client's index is the open one (checked above), so the round has it.
  const question = questionAt(game, questionIndex);
  if (!isWellFormed(question, answer)) throw new GameError('INVALID_ANSWER');

  const responseMs = Math.max(0, Math.min(now - openedAt, game.settings.timeLimitMs));
  const correct = isCorrectAnswer(question, answer);
  const { points, streak } = scoreAnswer({
    profile: game.settings.scoring,
    correct,
    responseMs,
    timeLimitMs: game.settings.timeLimitMs,
    multiplier: question.multiplier,
    previousStreak: player.streak,
  });
  return { duplicate: false, record: { playerId, answer, receivedAt: now, responseMs, correct, points, streak } };
}

/**
 * Identifies the open question as answers were scored against it: it changes
 * when the question closes, pauses or resumes (resuming moves the opening
 * time). An answer scored against an old key must be scored again. Null when
 * no answer is accepted.
 */
export function openKey(game: GameState): string | null {
  if (game.phase !== 'question' || game.paused) return null;
  return `${game.index}:${game.openedAt}`;
}

/** Keeps an evaluated answer; the question closes if it was the last one awaited. */
export function recordAnswer(game: GameState, record: AnswerRecord, now: number): GameEvent[] {
  answersTo(game, game.index)[record.playerId] = record;
  const events: GameEvent[] = [{ type: 'answer-recorded', playerId: record.playerId }];
  if (everyoneAnswered(game, now)) events.push(...closeQuestion(game));
  return events;
}

export function submitAnswer(game: GameState, playerId: string, questionIndex: number, answer: AnswerValue, now: number): AnswerOutcome {
  const evaluation = evaluateAnswer(game, playerId, questionIndex, answer, now);
  if (evaluation.duplicate) return { duplicate: true, events: [] };
  return { duplicate: false, events: recordAnswer(game, evaluation.record, now) };
}

/**
 * Reveal: points recorded with each answer reach the players' totals only
 * now, so nothing sent before the reveal can tell a player they were right.
 */
export function closeQuestion(game: GameState): GameEvent[] {
  if (game.phase !== 'question') return [];
  const question = questionAt(game, game.index);
  const answers = answersTo(game, game.index);
  for (const player of Object.values(game.players)) {
    if (player.kicked) continue;
    const record = answers[player.id];
    if (record) {
      player.score += record.points;
      player.streak = record.streak;
      if (record.correct) player.correctCount += 1;
    } else if (question.multiplier !== 0) {
      player.streak = 0;
    }
    player.bestStreak = Math.max(player.bestStreak, player.streak);
  }
  storeRanks(game);
  game.phase = 'reveal';
  game.paused = null;
  game.opensAt = null;
  game.deadlineAt = null;
  return [{ type: 'question-closed' }];
}

/** Final scores: podium. Acknowledged answers to an open question are scored first. */
export function finishGame(game: GameState, now: number, reason: EndReason): GameEvent[] {
  if (game.phase === 'podium' || game.phase === 'ended') throw new GameError('GAME_OVER');
  const events = closeQuestion(game);
  game.phase = 'podium';
  game.paused = null;
  game.endedAt = now;
  game.endReason = reason;
  return [...events, { type: 'game-over' }];
}

/** Host "end": from any phase to the podium; from the podium, closes the game for good. */
export function endGame(game: GameState, now: number): GameEvent[] {
  if (game.phase === 'ended') throw new GameError('GAME_OVER');
  if (game.phase === 'podium') return closeGame(game);
  if (game.phase === 'lobby') {
    game.endedAt = now;
    game.endReason = 'ended-early';
    return closeGame(game);
  }
  return finishGame(game, now, 'ended-early');
}

export function closeGame(game: GameState): GameEvent[] {
  game.phase = 'ended';
  game.paused = null;
  return [{ type: 'game-ended' }];
}
