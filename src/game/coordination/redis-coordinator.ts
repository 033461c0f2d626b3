import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Cancel, Clock } from '../../common/clock/clock.js';
import type { GameStore } from '../store/game-store.js';
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

/** A store that keeps a copy of the games this instance uses and can bring one up to date in the background. */
interface ForwardableStore {
  bringForward(gameId: string): void;
}

function isForwardable(store: GameStore): store is GameStore & ForwardableStore {
  return typeof (store as Partial<ForwardableStore>).bringForward === 'function';
}

export interface RedisCoordinatorOptions {
  /** The pub/sub channel change notices travel on (channels are not keys: the Redis prefix does not reach them). */
  channel: string;
  /** Names this instance in leases and notices; random when not given. */
  instanceId?: string;
  leaseMs?: number;
  sweepMs?: number;
}

/**
 * Timer leases and change notices through Redis. Every `sweepMs` an instance
 * renews the leases it holds and tries to take any live game nobody holds —
 * that is how a game whose instance died (kill -9) carries on elsewhere. The
 * lease only decides who schedules timers; every change is still a
 * compare-and-set in the store, so even two drivers for a moment close a
 * question once.
 *
 * Sweeps are scheduled on the injected Clock (a test moves them with a manual
 * clock); a lease's expiry is Redis's own TTL, so instances whose clocks
 * disagree still agree on who holds a game.
 */
export class RedisCoordinator extends GameCoordinator {
  private readonly logger = new Logger(RedisCoordinator.name);
  readonly instanceId: string;
  private readonly channel: string;
  private readonly leaseMs: number;
  private readonly sweepMs: number;
  private readonly held = new Set<string>();
  private readonly redis: LeaseRedis;
  private listener: CoordinationListener | null = null;
  private cancelSweep: Cancel | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    redis: Redis,
    private readonly subscriber: Redis,
    private readonly store: GameStore,
    private readonly clock: Clock,
    options: RedisCoordinatorOptions,
  ) {
    super();
    this.channel = options.channel;
    this.instanceId = options.instanceId ?? randomBytes(6).toString('hex');
    this.leaseMs = options.leaseMs ?? LEASE_MS;
    this.sweepMs = options.sweepMs ?? SWEEP_MS;
    redis.defineCommand('leaseRenew', { numberOfKeys: 1, lua: RENEW });
    redis.defineCommand('leaseRelease', { numberOfKeys: 1, lua: RELEASE });
    this.redis = redis as LeaseRedis;
  }

  start(listener: CoordinationListener): void {
    this.listener = listener;
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const [gameId, from] = message.split(' ');
      if (!gameId || from === this.instanceId) return;
      listener.changedElsewhere(gameId);
      // A store that keeps copies (Redis) brings this instance's copy forward now, while the change is fresh,
      // rather than in the first event that needs it: after another instance's reveal, that is the next
      // question's first answers, which would wait behind replaying the reveal.
      if (isForwardable(this.store)) this.store.bringForward(gameId);
    });
    void this.subscriber.subscribe(this.channel).catch((err: unknown) => this.logger.error(`subscribe: ${err instanceof Error ? err.message : String(err)}`));
    this.scheduleSweep();
    void this.sweep();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelSweep?.();
    // A pass in flight may still take a lease: wait for it, so that lease is released below too.
    await this.running;
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
    void this.redis
      .publish(this.channel, `${gameId} ${this.instanceId}`)
      .catch((err: unknown) => this.logger.warn(`change notice for game ${gameId}: ${err instanceof Error ? err.message : String(err)}`));
  }

  /** One pass of renewing and adopting, now (a pass already running is waited for, not doubled). */
  sweep(): Promise<void> {
    this.running ??= this.sweepOnce().finally(() => (this.running = null));
    return this.running;
  }

  private scheduleSweep(): void {
    if (this.stopped) return;
    this.cancelSweep = this.clock.scheduleAt(this.clock.now() + this.sweepMs, () => {
      this.scheduleSweep();
      void this.sweep();
    });
  }

  private async sweepOnce(): Promise<void> {
    try {
      const live = new Set(await this.store.liveGameIds());
      for (const id of [...this.held]) {
        if (!live.has(id)) {
          // The game ended: nothing left to drive.
          await this.redis.leaseRelease(leaseKey(id), this.instanceId);
          this.lose(id);
        } else if ((await this.redis.leaseRenew(leaseKey(id), this.instanceId, this.leaseMs)) === 0) {
          this.lose(id);
        }
      }
      for (const id of live) if (!this.held.has(id)) await this.tryAcquire(id);
    } catch (err) {
      // Redis is unreachable: leases we cannot renew will lapse, and whoever reaches Redis first takes over.
      this.logger.warn(`lease sweep: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async tryAcquire(gameId: string): Promise<void> {
    if (this.stopped) return;
    const won = await this.redis.set(leaseKey(gameId), this.instanceId, 'PX', this.leaseMs, 'NX').catch(() => null);
    if (won === 'OK') await this.hold(gameId);
  }

  private async hold(gameId: string): Promise<void> {
    if (this.stopped) {
      // Stopped while the lease was on its way: hand it straight back.
      await this.redis.leaseRelease(leaseKey(gameId), this.instanceId).catch(() => 0);
      return;
    }
    this.held.add(gameId);
    this.listener?.adopted(gameId);
  }

  private lose(gameId: string): void {
    this.held.delete(gameId);
    this.listener?.released(gameId);
  }
}
