import { GameError } from './game-error.js';
import type { GameEvent } from './game-events.js';
import type { GameState, PlayerState } from './game-state.js';
import { closeQuestion, everyoneAnswered } from './rounds.js';

export const NICKNAME_MAX = 20;

export function cleanNickname(raw: string): string {
  const nickname = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (nickname.length < 1 || nickname.length > NICKNAME_MAX || /\p{Cc}/u.test(nickname)) {
    throw new GameError('INVALID_PAYLOAD', `Nicknames are 1 to ${NICKNAME_MAX} characters.`);
  }
  return nickname;
}

export function addPlayer(game: GameState, id: string, rawNickname: string, now: number): GameEvent[] {
  if (game.phase === 'podium' || game.phase === 'ended') throw new GameError('GAME_OVER');
  if (game.locked) throw new GameError('GAME_LOCKED');
  if (game.activeCount >= game.settings.maxPlayers) throw new GameError('GAME_FULL');
  const nickname = cleanNickname(rawNickname);
  const folded = nickname.toLocaleLowerCase();
  if (game.nicknames[folded]) throw new GameError('NICKNAME_TAKEN');
  game.nicknames[folded] = id;
  game.activeCount += 1;
  game.connectedCount += 1;
  game.players[id] = {
    id,
    nickname,
    score: 0,
    streak: 0,
    bestStreak: 0,
    correctCount: 0,
    connected: true,
    leftAt: null,
    kicked: false,
    joinedAt: now,
    previousRank: null,
    rank: game.newcomerRank,
  };
  return [{ type: 'lobby-changed', playerId: id }];
}

export function requireActivePlayer(game: GameState, playerId: string): PlayerState {
  const player = game.players[playerId];
  if (!player) throw new GameError('PLAYER_NOT_FOUND');
  if (player.kicked) throw new GameError('KICKED');
  return player;
}

export function kickPlayer(game: GameState, playerId: string, now: number): GameEvent[] {
  const player = requireActivePlayer(game, playerId);
  if (player.connected) game.connectedCount -= 1;
  player.kicked = true;
  player.connected = false;
  game.activeCount -= 1;
  delete game.nicknames[player.nickname.toLocaleLowerCase()];
  return [{ type: 'player-kicked', playerId }, { type: 'lobby-changed', playerId }, ...closeIfEveryoneAnswered(game, now)];
}

export function setLocked(game: GameState, locked: boolean): GameEvent[] {
  if (game.phase === 'ended') throw new GameError('GAME_OVER');
  game.locked = locked;
  return [{ type: 'lobby-changed' }];
}

/**
 * A phone that drops out must not hold the question open for everyone else,
 * but one that is only reloading gets a short grace to come back first.
 * Neither a return nor a departure within that grace can complete a
 * question (the player is awaited either way), so only a zero grace checks
 * the class here; otherwise the grace's end is a timer (`nextTimerAt`). This
 * keeps a wave of disconnects O(1) each instead of a scan of every player each.
 */
export function setPlayerConnected(game: GameState, playerId: string, connected: boolean, now: number): GameEvent[] {
  const player = requireActivePlayer(game, playerId);
  if (player.connected === connected) return [];
  player.connected = connected;
  game.connectedCount += connected ? 1 : -1;
  player.leftAt = connected ? null : now;
  if (!connected) game.lastDepartureAt = now;
  const events: GameEvent[] = [{ type: 'lobby-changed', playerId }];
  if (!connected && game.settings.reconnectGraceMs <= 0) events.push(...closeIfEveryoneAnswered(game, now));
  return events;
}

export function setHostConnected(game: GameState, connected: boolean, now: number): void {
  game.hostConnected = connected;
  game.hostLeftAt = connected ? null : now;
}

export function closeIfEveryoneAnswered(game: GameState, now: number): GameEvent[] {
  if (game.phase !== 'question' || game.paused || !everyoneAnswered(game, now)) return [];
  return closeQuestion(game);
}
