import { closeQuestion, dict, forgetKeptViews, type GameEvent, type GameState } from '../engine/index.js';
import type { GameTop, JournalEntry, PlayerChange } from './journal-entry.js';

/** What the journal last recorded of a game: enough to tell what a commit may have changed since. */
export interface JournaledShape {
  phase: GameState['phase'];
  index: number;
  /** Questions and the host's credential never change after creation; a different one means "write it whole". */
  questions: GameState['questions'];
  hostCredential: string;
}

export function shapeOf(game: GameState): JournaledShape {
  return { phase: game.phase, index: game.index, questions: game.questions, hostCredential: game.credentials.host };
}

/**
 * Shared by the embedded journal (which writes deltas) and the Redis store
 * (which writes only the players a commit changed): both ask the engine's
 * events which players changed (`playersNamed`).
 *
 * The journal line for one commit: a delta (the game's small fields plus the
 * players the engine's events name) whenever the events say which players
 * changed, so a join to a game of 10,000 writes one player, not 10,000.
 * The whole game is written instead when no delta can describe the commit
 * exactly: no events given, an answer recorded inside a commit, several
 * reveals in one commit, or a reveal batched with player changes (replaying
 * the reveal after or before them would rank a different class).
 */
export function commitEntry(game: GameState, events: readonly GameEvent[] | undefined, before: JournaledShape | null, at: number): JournalEntry {
  const whole: JournalEntry = { t: 'game', at, game };
  if (!events || !before || !sameShape(before, game)) return whole;
  const touched = playersNamed(events);
  if (!touched) return whole;
  const reveals = revealsSince(before, game);
  if (reveals > 1 || (reveals === 1 && (before.phase !== 'question' || touched.size > 0))) return whole;
  const players = [...touched].map((id) => playerChange(game, id));
  return { t: 'delta', at, gameId: game.id, top: topOf(game), players, ...(reveals === 1 ? { closed: before.index } : {}) };
}

/** Questions and the host's credential are as they were: only the small fields and the players can differ. */
export function sameShape(before: JournaledShape, game: GameState): boolean {
  return before.questions === game.questions && before.hostCredential === game.credentials.host;
}

/**
 * The players a commit's events name (joined, left, came back, kicked,
 * withdrawn), or null when the events cannot say which players changed: an
 * answer recorded inside the commit, or a kind of event not classified yet.
 */
export function playersNamed(events: readonly GameEvent[]): Set<string> | null {
  const touched = new Set<string>();
  for (const event of events) {
    switch (event.type) {
      case 'lobby-changed':
      case 'player-kicked':
        if (event.playerId !== undefined) touched.add(event.playerId);
        break;
      case 'answer-recorded':
        return null;
      case 'question-opened':
      case 'question-closed':
      case 'leaderboard-shown':
      case 'paused':
      case 'resumed':
      case 'game-over':
      case 'game-ended':
        break;
      default:
        // A new kind of event must be classified here (the compiler says so); until then, every player may have changed.
        return unclassified(event);
    }
  }
  return touched;
}

function unclassified(_event: never): null {
  return null;
}

/** How many questions were revealed (closed) between `before` and `game`: every question opened is closed before the next opens. */
export function revealsSince(before: JournaledShape, game: GameState): number {
  return game.index - before.index + (before.phase === 'question' ? 1 : 0) - (game.phase === 'question' ? 1 : 0);
}

/** Replays a delta onto the game as the journal had it: the reveal first (on the state it closed), then the new values. */
export function applyDelta(game: GameState, delta: Extract<JournalEntry, { t: 'delta' }>): void {
  if (delta.closed !== undefined && game.phase === 'question' && game.index === delta.closed) closeQuestion(game);
  Object.assign(game, delta.top);
  for (const change of delta.players) applyPlayer(game, change);
  for (let i = 0; i <= game.index; i++) game.answers[i] ??= dict();
  // Players were replaced by the journaled objects: a ranking sorted before this line is not this game's any more.
  forgetKeptViews(game);
}

export function topOf(game: GameState): GameTop {
  // The rest of the object, whatever fields it has: a field added to GameState later is journaled without a change here.
  const { players: _p, nicknames: _n, credentials: _c, answers: _a, bannedDevices: _b, questions: _q, ...top } = game;
  return top;
}

export function playerChange(game: GameState, id: string): PlayerChange {
  const player = game.players[id] ?? null;
  const change: PlayerChange = { id, player, credential: player ? (game.credentials.players[id] ?? null) : null };
  if (player?.deviceId && game.bannedDevices?.[player.deviceId]) change.banned = true;
  return change;
}

/**
 * The nickname table holds exactly the players in play (added at the join,
 * dropped at a kick or a withdrawal), so it follows from each player's old
 * and new state rather than being journaled.
 */
export function applyPlayer(game: GameState, change: PlayerChange): void {
  const old = game.players[change.id];
  if (old) {
    const folded = old.nickname.toLocaleLowerCase();
    if (game.nicknames[folded] === change.id) delete game.nicknames[folded];
  }
  if (!change.player) {
    delete game.players[change.id];
    delete game.credentials.players[change.id];
    return;
  }
  game.players[change.id] = change.player;
  if (change.credential !== null) game.credentials.players[change.id] = change.credential;
  if (!change.player.kicked) game.nicknames[change.player.nickname.toLocaleLowerCase()] = change.id;
  if (change.banned && change.player.deviceId) (game.bannedDevices ??= dict())[change.player.deviceId] = true;
}
