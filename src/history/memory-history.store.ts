import { Injectable } from '@nestjs/common';
import type { HistoryRecord } from './history-record.js';
import { HistoryStore } from './history-store.js';

@Injectable()
export class MemoryHistoryStore extends HistoryStore {
  private readonly records = new Map<string, HistoryRecord>();

  async saveOnce(record: HistoryRecord): Promise<boolean> {
    if (this.records.has(record.gameId)) return false;
    this.records.set(record.gameId, structuredClone(record));
    return true;
  }

  async get(gameId: string): Promise<HistoryRecord | null> {
    return this.records.get(gameId) ?? null;
  }

  async list(): Promise<HistoryRecord[]> {
    return [...this.records.values()].sort((a, b) => b.endedAt - a.endedAt);
  }
}
