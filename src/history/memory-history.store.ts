import { Injectable } from '@nestjs/common';
import type { HistoryRecord } from './history-record.js';
import { HistoryStore, type HistoryQuery } from './history-store.js';
import { isAfter, newestFirst, summarizeRecord, type HistorySummary } from './history-summary.js';

/** History held in this process; the file store adds persistence on top of it. */
@Injectable()
export class MemoryHistoryStore extends HistoryStore {
  protected readonly records = new Map<string, HistoryRecord>();
  /** Ids of deleted games: never stored again. */
  protected readonly deleted = new Set<string>();

  /** The records the queries run on; a subclass with records not yet in `records` adds them here first. */
  protected stored(): Map<string, HistoryRecord> {
    return this.records;
  }

  async saveOnce(record: HistoryRecord): Promise<boolean> {
    if (this.records.has(record.gameId) || this.deleted.has(record.gameId)) return false;
    this.records.set(record.gameId, structuredClone(record));
    return true;
  }

  async get(gameId: string): Promise<HistoryRecord | null> {
    return this.stored().get(gameId) ?? null;
  }

  async list({ deckId, limit, after }: HistoryQuery): Promise<HistorySummary[]> {
    return [...this.stored().values()]
      .filter((r) => !deckId || r.deckId === deckId)
      .filter((r) => !after || isAfter(r, after))
      .sort(newestFirst)
      .slice(0, limit)
      .map(summarizeRecord);
  }

  async recordsOfDeck(deckId: string): Promise<HistoryRecord[]> {
    return [...this.stored().values()].filter((r) => r.deckId === deckId).sort((a, b) => newestFirst(b, a));
  }

  async delete(gameId: string): Promise<boolean> {
    if (!this.stored().delete(gameId)) return false;
    this.deleted.add(gameId);
    return true;
  }
}
