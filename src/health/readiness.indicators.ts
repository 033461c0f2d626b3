import { statfs } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { GameStore } from '../game/store/game-store.js';
import { JournaledGameStore } from '../game/journal/journaled-game-store.js';
import { HistoryOutbox } from '../history/history-outbox.js';
import { RedisConnection } from '../redis/redis-connection.js';
import { DrainState } from './drain-state.js';

/** Below this much free space in DATA_DIR the server is not ready: history and the journal would soon fail. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/** What readiness checks: Redis (when used), the data disk and journal, history's backlog, and shutdown. */
@Injectable()
export class ReadinessIndicators {
  private redis: Redis | null = null;

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly config: AppConfig,
    private readonly connection: RedisConnection,
    private readonly store: GameStore,
    private readonly outbox: HistoryOutbox,
    private readonly drain: DrainState,
  ) {}

  serving(): HealthIndicatorResult {
    const check = this.health.check('serving');
    return this.drain.draining ? check.down({ message: 'shutting down' }) : check.up();
  }

  async liveStore(): Promise<HealthIndicatorResult> {
    const check = this.health.check('store');
    if (!this.connection.enabled) {
      const error = this.store instanceof JournaledGameStore ? this.store.journalError : null;
      return error ? check.down({ kind: 'journal', message: error.message }) : check.up({ kind: 'journal' });
    }
    this.redis ??= this.connection.create('health');
    try {
      await this.redis.ping();
      return check.up({ kind: 'redis' });
    } catch (err) {
      return check.down({ kind: 'redis', message: (err as Error).message });
    }
  }

  async disk(): Promise<HealthIndicatorResult> {
    const check = this.health.check('disk');
    try {
      const stats = await statfs(this.config.DATA_DIR);
      const freeBytes = stats.bavail * stats.bsize;
      return freeBytes < MIN_FREE_BYTES ? check.down({ freeBytes, message: 'DATA_DIR is almost full' }) : check.up({ freeBytes });
    } catch (err) {
      return check.down({ message: (err as Error).message });
    }
  }

  history(): HealthIndicatorResult {
    const check = this.health.check('history');
    const backlog = this.outbox.backlog();
    return backlog.count > 0 ? check.down({ ...backlog, message: 'finished games waiting to be stored' }) : check.up({ backlog: 0 });
  }
}
