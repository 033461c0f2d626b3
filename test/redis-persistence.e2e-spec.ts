import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Redis } from 'ioredis';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { OwnRedis } from './support/redis-server.js';
import { testPrefix } from './support/redis.js';

/** A redis-server with no persistence at all (no append-only file, no snapshots), on its own port. */
async function volatileRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const own = await OwnRedis.create();
  const child = spawn('redis-server', ['--port', String(own.port), '--bind', '127.0.0.1', '--appendonly', 'no', '--save', ''], { stdio: 'ignore' });
  const probe = new Redis(own.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  for (let i = 0; i < 100; i++) {
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  probe.disconnect();
  return {
    url: own.url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

describe('npm start in Redis mode checks that Redis keeps what it is told', () => {
  let persistent: OwnRedis;
  let volatile: { url: string; stop(): Promise<void> };
  const started: BuiltServer[] = [];

  beforeAll(async () => {
    persistent = await OwnRedis.create();
    await persistent.start();
    volatile = await volatileRedis();
  });
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
    await persistent?.stop();
    await volatile?.stop();
  });

  test('a Redis without an append-only file stops the start with the reason', async () => {
    await expect(startBuiltServer({ REDIS_URL: volatile.url, REDIS_PREFIX: testPrefix() })).rejects.toThrow(/exited with 1[\s\S]*aof_enabled:0[\s\S]*ALLOW_VOLATILE_REDIS=1/);
  });

  test('ALLOW_VOLATILE_REDIS=1 accepts it; a Redis with an append-only file needs nothing', async () => {
    started.push(await startBuiltServer({ REDIS_URL: volatile.url, REDIS_PREFIX: testPrefix(), ALLOW_VOLATILE_REDIS: '1' }));
    started.push(await startBuiltServer({ REDIS_URL: persistent.url, REDIS_PREFIX: testPrefix() }));
    for (const server of started) expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
  });
});
