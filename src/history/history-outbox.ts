import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { HistoryRecord } from './history-record.js';
import { HistoryStore } from './history-store.js';

/** Retries back off from 1 s to this. */
const MAX_RETRY_MS = 30_000;

interface Pending {
  record: HistoryRecord;
  since: number;
  attempts: number;
  lastError: string;
}

export interface HistoryBacklog {
  /** Finished games not stored yet. */
  count: number;
  /** When the oldest of them first failed (epoch ms), or null. */
  oldestSince: number | null;
  lastError: string | null;
}

/**
 * Every finished game reaches history: a record the store refuses (a full or
 * read-only disk, Redis away) is kept here and written again, with a growing
 * pause, until the store takes it. The backlog is visible in readiness and
 * metrics, and listeners hear when a delayed record is finally stored.
 */
@Injectable()
export class HistoryOutbox implements OnApplicationShutdown {
  private readonly logger = new Logger(HistoryOutbox.name);
  private readonly pending = new Map<string, Pending>();
  private readonly listeners: Array<(gameId: string) => void> = [];
  private readonly recordedListeners: Array<(gameId: string) => void> = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: HistoryStore) {}

  /** Stores the record now if it can (true); otherwise keeps it for retries (false). */
  async save(record: HistoryRecord): Promise<boolean> {
    if (this.pending.has(record.gameId)) return false;
    try {
      await this.store.saveOnce(record);
      this.recorded(record.gameId);
      return true;
    } catch (err) {
      this.pending.set(record.gameId, { record, since: Date.now(), attempts: 1, lastError: describe(err) });
      this.logger.error(`Could not store game ${record.gameId} in history (${describe(err)}); retrying until it is stored.`);
      this.schedule();
      return false;
    }
  }

  /** Called with the game id when a record that had failed is stored. */
  onStored(listener: (gameId: string) => void): void {
    this.listeners.push(listener);
  }

  /** Called with the game id whenever history has a game's record (at once or after retries). */
  onRecorded(listener: (gameId: string) => void): void {
    this.recordedListeners.push(listener);
  }

  isPending(gameId: string): boolean {
    return this.pending.has(gameId);
  }

  backlog(): HistoryBacklog {
    let oldest: Pending | null = null;
    for (const p of this.pending.values()) if (!oldest || p.since < oldest.since) oldest = p;
    return { count: this.pending.size, oldestSince: oldest?.since ?? null, lastError: oldest?.lastError ?? null };
  }

  /** Tries every pending record once more now (also what the timer does). */
  async retryNow(): Promise<void> {
    for (const [gameId, p] of [...this.pending]) {
      try {
        await this.store.saveOnce(p.record);
        this.pending.delete(gameId);
        this.logger.warn(`Game ${gameId} is stored in history after ${p.attempts} failed attempt(s).`);
        this.recorded(gameId);
        for (const listener of this.listeners) listener(gameId);
      } catch (err) {
        p.attempts += 1;
        p.lastError = describe(err);
      }
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size > 0) {
      this.logger.error(`${this.pending.size} finished game(s) were not stored in history: ${[...this.pending.keys()].join(', ')}.`);
    }
  }

  private recorded(gameId: string): void {
    for (const listener of this.recordedListeners) listener(gameId);
  }

  private schedule(): void {
    if (this.timer || this.pending.size === 0) return;
    const attempts = Math.min(...[...this.pending.values()].map((p) => p.attempts));
    const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.max(0, attempts - 1));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.retryNow().finally(() => this.schedule());
    }, delay);
    this.timer.unref();
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
