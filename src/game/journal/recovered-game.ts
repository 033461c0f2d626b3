import * as engine from '../engine/index.js';
import type { GameState } from '../engine/index.js';

/**
 * A game brought back after the server stopped: no socket survived, so the
 * host and every player count as disconnected since `stoppedAt` (the last
 * journal write), and an open question is paused with the time it had left
 * then — nobody could answer while the server was down. The host resumes it
 * (or the usual host-absence rules end the game, with its answers in history).
 */
export function prepareRecoveredGame(game: GameState, stoppedAt: number, now: number): void {
  if (game.phase === 'ended') return;
  const at = Math.min(stoppedAt, now);
  if (game.phase === 'question' && !game.paused) engine.pauseGame(game, Math.max(at, game.openedAt ?? at), false);
  for (const player of Object.values(game.players)) {
    if (player.connected && !player.kicked) engine.setPlayerConnected(game, player.id, false, at);
  }
  if (game.hostConnected) engine.setHostConnected(game, false, at);
}
