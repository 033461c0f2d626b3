import { afterAll, describe, expect, test } from '@jest/globals';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from '../../../test/support/redis.js';
import { validateConfig } from '../../config/app-config.js';
import { StoreAvailability } from '../../redis/store-availability.js';
import { RedisConnection } from '../../redis/redis-connection.js';
import { RequestLimits, type Requester } from './request-limits.js';

const LIMITS = { JOIN_LIMIT_PER_ADDRESS: '3', PIN_GUESS_LIMIT_PER_ADDRESS: '2', AUTH_FAILURE_LIMIT_PER_ADDRESS: '2' };
const student = (address: string): Requester => ({ address, local: false });

async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

describe('RequestLimits', () => {
  const prefix = testPrefix();
  const connections: RedisConnection[] = [];
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.onApplicationShutdown()));
    await dropPrefix(prefix);
  });

  /** A server instance's limits: in Redis when `redis`, in its own memory otherwise. */
  function instance(redis: boolean): RequestLimits {
    const config = validateConfig({ ...LIMITS, ...(redis ? { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix } : {}) });
    const connection = new RedisConnection(config, new StoreAvailability());
    connections.push(connection);
    return new RequestLimits(config, connection);
  }

  test('with Redis, two instances share one count per address', async () => {
    const [a, b] = [instance(true), instance(true)];
    const who = student('203.0.113.7');
    const joins = [];
    for (const limits of [a, b, a, b]) joins.push(await outcome(limits.beforeJoin(who, '482913')));
    expect(joins).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
    await a.wrongPin(student('203.0.113.8'));
    await b.wrongPin(student('203.0.113.8'));
    expect(await outcome(a.beforeJoin(student('203.0.113.8'), '482913'))).toBe('RATE_LIMITED');
    await a.authFailed(student('203.0.113.9'));
    await b.authFailed(student('203.0.113.9'));
    expect(await outcome(b.beforeAuth(student('203.0.113.9')))).toBe('RATE_LIMITED');
  });

  test('embedded, each instance counts alone; local requests are never limited', async () => {
    const [a, b] = [instance(false), instance(false)];
    const who = student('203.0.113.7');
    for (let i = 0; i < 3; i++) await a.beforeJoin(who, '482913');
    expect(await outcome(a.beforeJoin(who, '482913'))).toBe('RATE_LIMITED');
    expect(await outcome(b.beforeJoin(who, '482913'))).toBe('ok');
    const local: Requester = { address: '127.0.0.1', local: true };
    for (let i = 0; i < 10; i++) await a.wrongPin(local);
    for (let i = 0; i < 10; i++) expect(await outcome(a.beforeJoin(local, '482913'))).toBe('ok');
  });
});
