import { GameError } from '../../common/game-error.js';
import { questionClock } from './asked-questions.js';
import type { GameEvent } from './game-events.js';
import type { GameState } from './game-state.js';
import { closeIfEveryoneAnswered, setHostConnected, setPlayerConnected } from './players.js';
import { closeGame, closeQuestion, finishGame } from './rounds.js';

/**
 * Deadlines are data. The runner asks when the game next needs attention,
 * schedules a single timer for that moment and calls `advanceTime` then.
 */
export function nextTimerAt(game: GameState): number | null {
  const due: number[] = [];
  const questionRunning = game.phase === 'question' && !game.paused;
  if (questionRunning) due.push(questionClock(game).deadlineAt + game.settings.graceMs);
  if (questionRunning && game.opensAt != null) due.push(game.opensAt);
  if (questionRunning && game.lastDepartureAt !== null) due.push(game.lastDepartureAt + game.settings.reconnectGraceMs);
  if (game.hostLeftAt !== null && game.phase !== 'ended') {
    if (questionRunning) due.push(game.hostLeftAt + game.settings.hostAbsencePauseMs);
    due.push(game.hostLeftAt + game.settings.abandonAfterMs);
  }
  return due.length ? Math.min(...due) : null;
}

export function advanceTime(game: GameState, now: number): GameEvent[] {
  const events: GameEvent[] = [];
  const questionRunning = game.phase === 'question' && !game.paused;
  if (questionRunning && game.opensAt != null && now >= game.opensAt) {
    // "Get ready" is over: the same question again, now with its options and its clock running.
    game.opensAt = null;
    events.push({ type: 'question-opened' });
  }
  if (questionRunning && now >= questionClock(game).deadlineAt + game.settings.graceMs) events.push(...closeQuestion(game));
  if (game.lastDepartureAt !== null && now >= game.lastDepartureAt + game.settings.reconnectGraceMs) {
    // Every dropped phone's grace is over: the question may already have all the answers it will get.
    game.lastDepartureAt = null;
    events.push(...closeIfEveryoneAnswered(game, now));
  }
  if (game.hostLeftAt !== null && game.phase !== 'ended') {
    const absentMs = now - game.hostLeftAt;
    if (absentMs >= game.settings.abandonAfterMs) {
      events.push(...abandonGame(game, now));
    } else if (game.phase === 'question' && !game.paused && absentMs >= game.settings.hostAbsencePauseMs) {
      events.push(...pauseGame(game, now, true));
    }
  }
  return events;
}

function abandonGame(game: GameState, now: number): GameEvent[] {
  if (game.phase === 'podium') return closeGame(game);
  // A game the server restored and its host never came back to was interrupted, not left by its host.
  const reason = game.restoredAt != null ? 'interrupted' : 'abandoned';
  if (game.phase === 'lobby') {
    game.endedAt = now;
    game.endReason = reason;
    return closeGame(game);
  }
  return [...finishGame(game, now, reason), ...closeGame(game)];
}

/**
 * The server brought the game back after it stopped (`stoppedAt`: the last
 * moment it is known to have run): nobody is connected any more, and an open
 * question is paused with the time it had then. If the host does not attach
 * again within the abandon delay, the game ends as `interrupted`.
 */
export function restoreGame(game: GameState, stoppedAt: number): void {
  if (game.phase === 'ended') return;
  if (game.phase === 'question' && !game.paused) pauseGame(game, Math.max(stoppedAt, game.openedAt ?? stoppedAt), false);
  for (const player of Object.values(game.players)) {
    if (player.connected && !player.kicked) setPlayerConnected(game, player.id, false, stoppedAt);
  }
  if (game.hostConnected) setHostConnected(game, false, stoppedAt);
  game.restoredAt = stoppedAt;
}

/** Freezes the open question's clock; only a running question has a clock to freeze. */
export function pauseGame(game: GameState, now: number, byHostAbsence = false): GameEvent[] {
  if (game.phase !== 'question') throw new GameError('WRONG_PHASE', 'Only an open question can be paused.');
  if (game.paused) throw new GameError('PAUSED', 'The game is already paused.');
  game.paused = { at: now, remainingMs: Math.max(0, questionClock(game).deadlineAt - now), byHostAbsence };
  return [{ type: 'paused' }];
}

/** Shifting the opening time keeps paused time out of every response time. */
export function resumeGame(game: GameState, now: number): GameEvent[] {
  if (!game.paused) throw new GameError('WRONG_PHASE', 'The game is not paused.');
  const pausedFor = now - game.paused.at;
  game.openedAt = questionClock(game).openedAt + pausedFor;
  if (game.opensAt != null) game.opensAt += pausedFor;
  game.deadlineAt = now + game.paused.remainingMs;
  game.paused = null;
  return [{ type: 'resumed' }];
}
