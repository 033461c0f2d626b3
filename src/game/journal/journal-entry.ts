import type { AnswerRecord, GameState, PlayerState } from '../engine/index.js';

/** A game's small fields: everything but its per-player tables, its answers and its questions. */
export type GameTop = Omit<GameState, 'players' | 'nicknames' | 'credentials' | 'answers' | 'bannedDevices' | 'questions'>;

/** One player as a commit left it: null when the player was removed outright (a lobby withdrawal). */
export interface PlayerChange {
  id: string;
  player: PlayerState | null;
  /** Hash of the player's token secret (null when removed). */
  credential: string | null;
  /** The player's device is banned from the game (kicks ban the device). */
  banned?: true;
}

/** One line of the embedded journal. `at` is when it was written (the crash happened after the last one). */
export type JournalEntry =
  /** A game as committed: its whole state, answers included (a new game, a compaction snapshot, or a change no delta describes). */
  | { t: 'game'; at: number; game: GameState }
  /**
   * What one commit changed: the game's small fields, the players it touched
   * and, when the question open at the previous record closed, its index (the
   * reveal is replayed with the engine's own `closeQuestion`, which scores
   * every player from the answers already journaled).
   */
  | { t: 'delta'; at: number; gameId: string; top: GameTop; players: PlayerChange[]; closed?: number }
  /** An answer kept for the open question (between two commits). */
  | { t: 'answer'; at: number; gameId: string; index: number; record: AnswerRecord }
  /** The game ended: forget it after `until`. */
  | { t: 'retire'; at: number; gameId: string; until: number }
  /** The game's history record is stored: a restart must not write it again (it may have been deleted since). */
  | { t: 'history'; at: number; gameId: string };

/** The entry on a line, or null for a line that is not one (torn by a crash, or a failed write). */
export function parseEntry(line: string): JournalEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Partial<JournalEntry>;
  if (typeof entry.at !== 'number') return null;
  if (entry.t === 'game' && typeof entry.game?.id === 'string' && typeof entry.game.pin === 'string') return entry as JournalEntry;
  if (entry.t === 'delta' && typeof entry.gameId === 'string' && typeof entry.top?.phase === 'string' && Array.isArray(entry.players)) {
    // Read from disk: a torn or foreign line may hold anything, so each player is checked as unknown.
    const players: unknown[] = entry.players;
    return players.every((p) => typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'string') ? (entry as JournalEntry) : null;
  }
  if (entry.t === 'answer' && typeof entry.gameId === 'string' && Number.isInteger(entry.index) && typeof entry.record?.playerId === 'string') {
    return entry as JournalEntry;
  }
  if (entry.t === 'retire' && typeof entry.gameId === 'string' && typeof entry.until === 'number') return entry as JournalEntry;
  if (entry.t === 'history' && typeof entry.gameId === 'string') return entry as JournalEntry;
  return null;
}
