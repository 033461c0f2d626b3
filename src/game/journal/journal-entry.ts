import type { AnswerRecord, GameState } from '../engine/index.js';

/** One line of the embedded journal. `at` is when it was written (the crash happened after the last one). */
export type JournalEntry =
  /** A game as committed: its whole state, answers included. */
  | { t: 'game'; at: number; game: GameState }
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
  if (entry.t === 'answer' && typeof entry.gameId === 'string' && Number.isInteger(entry.index) && typeof entry.record?.playerId === 'string') {
    return entry as JournalEntry;
  }
  if (entry.t === 'retire' && typeof entry.gameId === 'string' && typeof entry.until === 'number') return entry as JournalEntry;
  if (entry.t === 'history' && typeof entry.gameId === 'string') return entry as JournalEntry;
  return null;
}
