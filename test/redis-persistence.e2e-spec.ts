import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { OwnRedis } from './support/redis-server.js';
import { testPrefix } from './support/redis.js';
import { ifStarted } from './support/teardown.js';

describe('npm start in Redis mode checks that Redis keeps what it is told', () => {
  let persistent: OwnRedis;
  let volatile: OwnRedis;
  const started: BuiltServer[] = [];

  beforeAll(async () => {
    persistent = await OwnRedis.create();
    await persistent.start();
    volatile = await OwnRedis.create({ persistent: false });
    await volatile.start();
  });
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
    await ifStarted(persistent)?.stop();
    await ifStarted(volatile)?.stop();
  });

  test('a Redis without an append-only file stops the start with the reason', async () => {
    await expect(startBuiltServer({ REDIS_URL: volatile.url, REDIS_PREFIX: testPrefix() })).rejects.toThrow(
      /exited with 1[\s\S]*aof_enabled:0[\s\S]*ALLOW_VOLATILE_REDIS=1/,
    );
  });

  test('ALLOW_VOLATILE_REDIS=1 accepts it; a Redis with an append-only file needs nothing', async () => {
    started.push(await startBuiltServer({ REDIS_URL: volatile.url, REDIS_PREFIX: testPrefix(), ALLOW_VOLATILE_REDIS: '1' }));
    started.push(await startBuiltServer({ REDIS_URL: persistent.url, REDIS_PREFIX: testPrefix() }));
    for (const server of started) expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
  });
});
