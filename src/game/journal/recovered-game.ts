import * as engine from '../engine/index.js';
import type { GameState } from '../engine/index.js';

/**
 * A game brought back after the server stopped: no socket survived, so the
 * host and every player count as disconnected since `stoppedAt` (the last
 * journal write), and an open question is paused with the time it had left
 * then — nobody could answer while the server was down. The host resumes it;
 * if the host does not come back, the host-absence rule ends the game as
 * `interrupted`, with its answers in history.
 */
export function prepareRecoveredGame(game: GameState, stoppedAt: number, now: number): void {
  engine.restoreGame(game, Math.min(stoppedAt, now));
}
