import type { HistoryRecord } from './history-record.js';
import type { HistoryCursor, HistorySummary } from './history-summary.js';

export interface HistoryQuery {
  deckId?: string;
  limit: number;
  /** Only games listed after this one (the previous page's last). */
  after?: HistoryCursor;
}

/**
 * Finished games, kept for teachers. A game is written once: `saveOnce`
 * keeps the first record of a game and ignores any later one, and a game a
 * teacher deleted is never written again (its id is remembered), so a record
 * retried late by another instance cannot bring back deleted student data.
 */
export abstract class HistoryStore {
  /** True if this call stored the record, false if the game was already in history (or was deleted from it). */
  abstract saveOnce(record: HistoryRecord): Promise<boolean>;
  abstract get(gameId: string): Promise<HistoryRecord | null>;
  /** Newest first. */
  abstract list(query: HistoryQuery): Promise<HistorySummary[]>;
  /** Every record of a deck, oldest first (for trends across games). */
  abstract recordsOfDeck(deckId: string): Promise<HistoryRecord[]>;
  /** True if there was such a game. */
  abstract delete(gameId: string): Promise<boolean>;
}
