import type { Redis } from 'ioredis';

/**
 * Redis mode keeps live games and all history in Redis: a Redis that writes
 * nothing to disk loses all of it on a restart, silently. This reads
 * `INFO persistence` (allowed where CONFIG is not) and refuses to go on
 * without an append-only file unless the operator said it is fine.
 */
export async function assertRedisPersists(redis: Redis, allowVolatile: boolean): Promise<'persistent' | 'volatile-allowed'> {
  const info = await redis.info('persistence');
  const aofEnabled = /^aof_enabled:1\s*$/m.test(info);
  if (aofEnabled) return 'persistent';
  if (allowVolatile) return 'volatile-allowed';
  throw new Error(
    'Redis keeps no append-only file (aof_enabled:0): a Redis restart would erase every live game and all history. ' +
      'Start Redis with --appendonly yes --appendfsync everysec (as docker-compose.yml does), ' +
      'or set ALLOW_VOLATILE_REDIS=1 to run without it.',
  );
}
