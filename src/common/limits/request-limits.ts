import { Injectable, Logger } from '@nestjs/common';
import type { BlockList } from 'node:net';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config.js';
import { RedisConnection } from '../../redis/redis-connection.js';
import { clientAddress, isLocalDirect, trustedProxies, type AddressSource } from './client-address.js';
import { RateLimited } from './rate-limited.js';

const MINUTE_S = 60;
const TEN_MINUTES_S = 600;

/** Who is asking, worked out once per connection or request. */
export interface Requester {
  address: string;
  /** Straight from this machine (a local tool such as the benchmark), not through a proxy: not limited per address. */
  local: boolean;
}

/**
 * Limits that hold per client address and per game, whatever connection a
 * request comes on: joins, PINs that name no game, wrong teacher keys. With
 * Redis they are counted in Redis, so they hold across every instance; if
 * Redis does not answer, each instance counts on its own meanwhile
 * (rate-limiter-flexible's insurance limiter) rather than refusing everyone.
 */
@Injectable()
export class RequestLimits {
  private readonly proxies: BlockList;
  private readonly joinsPerAddress: RateLimiterAbstract;
  private readonly joinsPerGame: RateLimiterAbstract;
  private readonly wrongPinsPerAddress: RateLimiterAbstract;
  private readonly wrongPinsGlobal: RateLimiterAbstract;
  private readonly authFailures: RateLimiterAbstract;

  constructor(config: AppConfig, redis: RedisConnection) {
    this.proxies = trustedProxies(config.TRUST_PROXY);
    const client = redis.enabled ? redis.create('limits') : null;
    const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
      const options = { keyPrefix: `limit:${keyPrefix}`, points, duration };
      const memory = new RateLimiterMemory(options);
      return client ? new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: memory }) : memory;
    };
    this.joinsPerAddress = make('join-address', config.JOIN_LIMIT_PER_ADDRESS, MINUTE_S);
    this.joinsPerGame = make('join-game', config.JOIN_LIMIT_PER_GAME, MINUTE_S);
    this.wrongPinsPerAddress = make('pin-address', config.PIN_GUESS_LIMIT_PER_ADDRESS, TEN_MINUTES_S);
    this.wrongPinsGlobal = make('pin-global', config.PIN_GUESS_LIMIT_GLOBAL, MINUTE_S);
    this.authFailures = make('auth-address', config.AUTH_FAILURE_LIMIT_PER_ADDRESS, TEN_MINUTES_S);
  }

  requester(source: AddressSource): Requester {
    return { address: clientAddress(source, this.proxies), local: isLocalDirect(source) };
  }

  /**
   * Before a join looks its PIN up: an address that guessed too many PINs is
   * refused, and while PINs are being guessed wrong from everywhere faster
   * than the global limit, so is every address with a wrong guess of its own.
   * Then the join counts against its address and its PIN's game.
   */
  async beforeJoin(who: Requester, pin: string): Promise<void> {
    if (who.local) return;
    const [wrong, global] = await Promise.all([this.wrongPinsPerAddress.get(who.address), this.wrongPinsGlobal.get('all')]);
    if (wrong && wrong.remainingPoints <= 0) throw new RateLimited('Too many PINs that name no game from this address', wrong.msBeforeNext);
    if (wrong && global && global.remainingPoints <= 0) throw new RateLimited('Too many PINs that name no game are being tried', global.msBeforeNext);
    // The address first: a refused address must not use up its game's joins for everyone else.
    await take(this.joinsPerAddress, who.address, 'Too many joins from this address');
    await take(this.joinsPerGame, pin, 'Too many players are joining this game at once');
  }

  /** A join named a PIN of no live game. */
  async wrongPin(who: Requester): Promise<void> {
    if (who.local) return;
    await Promise.all([this.wrongPinsPerAddress.penalty(who.address, 1), this.wrongPinsGlobal.penalty('all', 1)]);
  }

  /** Before a teacher key is checked: an address that sent too many wrong ones waits. */
  async beforeAuth(who: Requester): Promise<void> {
    if (who.local) return;
    const failures = await this.authFailures.get(who.address);
    if (failures && failures.remainingPoints <= 0) throw new RateLimited('Too many wrong teacher keys from this address', failures.msBeforeNext);
  }

  async authFailed(who: Requester): Promise<void> {
    if (!who.local) await this.authFailures.penalty(who.address, 1);
  }
}

async function take(limiter: RateLimiterAbstract, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new RateLimited(message, err.msBeforeNext);
    // The store failed and no insurance answered: let the request through rather than refuse a class.
    new Logger(RequestLimits.name).warn(`rate limiter: ${(err as Error).message}`);
  }
}
