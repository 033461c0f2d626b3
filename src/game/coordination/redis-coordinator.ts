import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { GameStore } from '../store/game-store.js';
import { GameCoordinator, type CoordinationListener } from './game-coordinator.js';

/** A lease outlives a missed renewal or two; a dead instance's games are adopted within LEASE_MS + SWEEP_MS. */
export const LEASE_MS = 5000;
export const SWEEP_MS = 1500;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

type LeaseRedis = Redis & {
  leaseRenew(key: string, owner: string, ms: number): Promise<number>;
  leaseRelease(key: string, owner: string): Promise<number>;
};

const leaseKey = (gameId: string) => `game:{${gameId}}:lease`;

/**
 * Timer leases and change notices through Redis. Every SWEEP_MS an instance
 * renews the leases it holds and tries to take any live game nobody holds —
 * that is how a game whose instance died (kill -9) carries on elsewhere. The
 * lease only decides who schedules timers; every change is still a
 * compare-and-set in the store, so even two drivers for a moment close a
 * question once.
 */
export class RedisCoordinator extends GameCoordinator {
  private readonly logger = new Logger(RedisCoordinator.name);
  readonly instanceId: string;
  private readonly held = new Set<string>();
  private listener: CoordinationListener | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private readonly redis: LeaseRedis;

  constructor(
    redis: Redis,
    private readonly subscriber: Redis,
    private readonly store: GameStore,
    private readonly channel: string,
    instanceId?: string,
  ) {
    super();
    this.instanceId = instanceId ?? randomBytes(6).toString('hex');
    redis.defineCommand('leaseRenew', { numberOfKeys: 1, lua: RENEW });
    redis.defineCommand('leaseRelease', { numberOfKeys: 1, lua: RELEASE });
    this.redis = redis as LeaseRedis;
  }

  start(listener: CoordinationListener): void {
    this.listener = listener;
    this.subscriber.on('message', (_channel: string, message: string) => {
      const [gameId, from] = message.split(' ');
      if (from !== this.instanceId) listener.changedElsewhere(gameId);
    });
    void this.subscriber.subscribe(this.channel).catch((err: unknown) => this.logger.error(`subscribe: ${err instanceof Error ? err.message : String(err)}`));
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
    void this.sweep();
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    // A clean shutdown hands its games over at once instead of after the lease runs out.
    await Promise.all([...this.held].map((id) => this.redis.leaseRelease(leaseKey(id), this.instanceId).catch(() => 0)));
    this.held.clear();
  }

  drives(gameId: string): boolean {
    return this.held.has(gameId);
  }

  created(gameId: string): void {
    void this.tryAcquire(gameId);
  }

  changed(gameId: string): void {
    void this.redis.publish(this.channel, `${gameId} ${this.instanceId}`).catch(() => undefined);
  }

  private async sweep(): Promise<void> {
    try {
      const live = new Set(await this.store.liveGameIds());
      for (const id of [...this.held]) {
        if (!live.has(id)) {
          // The game ended: nothing left to drive.
          await this.redis.leaseRelease(leaseKey(id), this.instanceId);
          this.lose(id);
        } else if ((await this.redis.leaseRenew(leaseKey(id), this.instanceId, LEASE_MS)) === 0) {
          this.lose(id);
        }
      }
      for (const id of live) if (!this.held.has(id)) await this.tryAcquire(id);
    } catch (err) {
      // Redis is unreachable: leases we cannot renew will lapse, and whoever reaches Redis first takes over.
      this.logger.warn(`lease sweep: ${(err as Error).message}`);
    }
  }

  private async tryAcquire(gameId: string): Promise<void> {
    const won = await this.redis.set(leaseKey(gameId), this.instanceId, 'PX', LEASE_MS, 'NX').catch(() => null);
    if (won !== 'OK') return;
    this.held.add(gameId);
    this.listener?.adopted(gameId);
  }

  private lose(gameId: string): void {
    this.held.delete(gameId);
    this.listener?.released(gameId);
  }
}
