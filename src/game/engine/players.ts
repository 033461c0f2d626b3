import { GameError } from '../../common/game-error.js';
import { DEVICE_ID_PATTERN, LIMITS } from '../../protocol/limits.js';
import { dict } from './dict.js';
import { friendlyName } from './friendly-names.js';
import { isOffensiveName } from './offensive-names.js';
import type { GameEvent } from './game-events.js';
import type { GameState, PlayerState } from './game-state.js';
import { playerNamed, rosterChanged } from './ranking.js';
import { closeQuestion, everyoneAnswered } from './rounds.js';

/**
 * Bidi controls (U+202A–202E, U+2066–2069), zero-width characters and every
 * other invisible format character (\p{Cf}) are removed: a right-to-left
 * override in a name would flip the text shown after it ("945" → "549").
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

export function cleanNickname(raw: string): string {
  const nickname = raw.normalize('NFC').replace(FORMAT_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  if (nickname.length < 1 || nickname.length > LIMITS.nickname || /\p{Cc}/u.test(nickname)) {
    throw new GameError('INVALID_PAYLOAD', `Nicknames are 1 to ${LIMITS.nickname} characters.`);
  }
  if (isOffensiveName(nickname)) throw new GameError('NICKNAME_REFUSED');
  return nickname;
}

function isBannedDevice(game: GameState, deviceId: string | null): boolean {
  return deviceId !== null && game.bannedDevices !== undefined && Object.hasOwn(game.bannedDevices, deviceId);
}

export function addPlayer(game: GameState, id: string, rawNickname: string, now: number, deviceId: string | null = null): GameEvent[] {
  if (game.phase === 'podium' || game.phase === 'ended') throw new GameError('GAME_OVER');
  // A device id is a random string the phone keeps in its own storage; only its documented shape is ever looked up.
  if (deviceId !== null && !DEVICE_ID_PATTERN.test(deviceId)) throw new GameError('INVALID_PAYLOAD', 'deviceId has the wrong shape.');
  if (isBannedDevice(game, deviceId)) throw new GameError('KICKED', 'This device was removed from the game.');
  if (game.locked) throw new GameError('GAME_LOCKED');
  if (game.activeCount >= game.settings.maxPlayers) throw new GameError('GAME_FULL');
  // "Random names": what the student typed is not used at all; the game names them.
  const nickname = game.settings.randomNames ? friendlyName(game, id) : cleanNickname(rawNickname);
  const folded = nickname.toLocaleLowerCase();
  if (game.nicknames[folded]) throw new GameError('NICKNAME_TAKEN');
  game.nicknames[folded] = id;
  game.activeCount += 1;
  game.connectedCount += 1;
  const player: PlayerState = {
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
    deviceId,
    rank: game.newcomerRank,
  };
  game.players[id] = player;
  playerNamed(game, player);
  rosterChanged(game);
  return [{ type: 'lobby-changed', playerId: id, joined: true }];
}

export function requireActivePlayer(game: GameState, playerId: string): PlayerState {
  const player = game.players[playerId];
  if (!player) throw new GameError('PLAYER_NOT_FOUND');
  if (player.kicked) throw new GameError('KICKED');
  return player;
}

export function kickPlayer(game: GameState, playerId: string, now: number): GameEvent[] {
  const player = requireActivePlayer(game, playerId);
  // The ban sticks to the device too: a reload with a cleared token cannot join again under a new name.
  if (player.deviceId) (game.bannedDevices ??= dict())[player.deviceId] = true;
  return removePlayer(game, player, now);
}

/** Takes a player out of play (kept in the game's record); an open question stops waiting for them. */
function removePlayer(game: GameState, player: PlayerState, now: number): GameEvent[] {
  if (player.connected) game.connectedCount -= 1;
  player.kicked = true;
  player.connected = false;
  game.activeCount -= 1;
  delete game.nicknames[player.nickname.toLocaleLowerCase()];
  rosterChanged(game);
  return [{ type: 'player-kicked', playerId: player.id }, { type: 'lobby-changed', playerId: player.id }, ...closeIfEveryoneAnswered(game, now)];
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
  // The teacher is back: the game goes on as if the server had never stopped.
  if (connected) game.restoredAt = null;
}

export function closeIfEveryoneAnswered(game: GameState, now: number): GameEvent[] {
  if (game.phase !== 'question' || game.paused || !everyoneAnswered(game, now)) return [];
  return closeQuestion(game);
}

/**
 * Removes many players in one change (a flood of joins, a class that has to
 * start over): the listed ids, or everyone who joined at `joinedSince` or
 * later. Ids that name no player, or one already removed, are skipped.
 */
export function kickPlayers(game: GameState, select: { playerIds?: string[]; joinedSince?: number }, now: number): GameEvent[] {
  const ids =
    select.playerIds ??
    Object.values(game.players)
      .filter((p) => p.joinedAt >= (select.joinedSince ?? Infinity))
      .map((p) => p.id);
  const events: GameEvent[] = [];
  for (const id of ids) {
    const player = game.players[id];
    if (player && !player.kicked) events.push(...kickPlayer(game, id, now));
  }
  return events;
}

/**
 * A connection that joins again gives up the player it held, so one
 * connection never leaves a trail of players behind. In the lobby that
 * player never played and simply goes (its nickname is free again); later it
 * is removed as a kick would (without banning the device: the same phone is
 * joining again), and stays in the game's record. From the podium on the
 * game is decided: the player only leaves, keeping its place.
 */
export function withdrawPlayer(game: GameState, playerId: string, now: number): GameEvent[] {
  const player = game.players[playerId];
  if (!player || player.kicked || game.phase === 'ended') return [];
  if (game.phase === 'podium') return setPlayerConnected(game, playerId, false, now);
  if (game.phase !== 'lobby') return removePlayer(game, player, now);
  if (player.connected) game.connectedCount -= 1;
  game.activeCount -= 1;
  delete game.nicknames[player.nickname.toLocaleLowerCase()];
  delete game.players[playerId];
  delete game.credentials.players[playerId];
  rosterChanged(game);
  return [{ type: 'lobby-changed', playerId }];
}
