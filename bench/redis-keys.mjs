import { Redis } from 'ioredis';

/** Deletes every key under `prefix` (SCAN, not KEYS: the Redis may be shared), so a run leaves nothing behind. */
export async function dropRedisKeys(url, prefix) {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
