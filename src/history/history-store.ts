import type { HistoryRecord } from './history-record.js';

/** Finished games. `saveOnce` keeps the first record of a game and ignores any later one. */
export abstract class HistoryStore {
  /** True if this call stored the record, false if the game was already in history. */
  abstract saveOnce(record: HistoryRecord): Promise<boolean>;
  abstract get(gameId: string): Promise<HistoryRecord | null>;
  /** Newest first. */
  abstract list(): Promise<HistoryRecord[]>;
}
