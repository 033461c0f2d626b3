import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { StoreAvailability } from './store-availability.js';

/** Errors repeat every reconnect attempt while Redis is down: log the first, then one a minute. */
const ERROR_LOG_INTERVAL_MS = 60_000;

/**
 * The ioredis client, created only when REDIS_URL is set. Every command is
 * bounded (commandTimeout), retried at most twice, and queued only while a
 * reconnect is in progress, so a Redis outage surfaces as errors the callers
 * turn into retryable refusals instead of requests that hang.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnection.name);
  private readonly clients: Redis[] = [];
  private lastErrorLogAt = 0;
  private closing = false;

  constructor(
    private readonly config: AppConfig,
    private readonly availability: StoreAvailability,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.REDIS_URL);
  }

  /**
   * A new client with the project's prefix, timeouts and error listener.
   * `tracksAvailability`: its connection dropping and returning is what
   * StoreAvailability reports (the live-games client). `autoPipelining`:
   * commands issued in the same event-loop turn leave in one write (the
   * live-games client, where thousands of phones act within a second).
   */
  create(name: string, { tracksAvailability = false, autoPipelining = false } = {}): Redis {
    if (!this.config.REDIS_URL) throw new Error('REDIS_URL is not set');
    const client = new Redis(this.config.REDIS_URL, {
      keyPrefix: this.config.REDIS_PREFIX,
      commandTimeout: this.config.REDIS_COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 2,
      connectTimeout: 5000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      connectionName: `aulaquiz-${name}`,
      enableAutoPipelining: autoPipelining,
    });
    this.watch(name, client);
    if (tracksAvailability) {
      client.on('close', () => {
        if (!this.closing) this.availability.markDown();
      });
      client.on('ready', () => this.availability.markUp());
    }
    // Libraries duplicate clients (the socket.io adapter does, for its blocking reads): those get listeners too.
    const duplicate = client.duplicate.bind(client);
    client.duplicate = (...args: Parameters<Redis['duplicate']>) => this.watch(`${name} (duplicate)`, duplicate(...args));
    return client;
  }

  private watch(name: string, client: Redis): Redis {
    client.on('error', (err: Error) => this.logError(name, err));
    client.on('ready', () => this.logger.log(`Redis (${name}) ready`));
    this.clients.push(client);
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private logError(name: string, err: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLogAt < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLogAt = now;
    this.logger.error(`Redis (${name}): ${err.message}`);
  }
}
