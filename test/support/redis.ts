import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix of this test run alone, so tests never see each other's keys. */
export function testPrefix(): string {
  return `aulaquiz-test:${randomBytes(4).toString('hex')}:`;
}

/** A client writing under `prefix`, as the server's own would. */
export function prefixedClient(prefix: string, url = TEST_REDIS_URL): Redis {
  return new Redis(url, { keyPrefix: prefix, maxRetriesPerRequest: 1 });
}

/** Deletes every key under the prefix. */
export async function dropPrefix(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const raw = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, found] = await raw.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (found.length) await raw.del(...found);
    } while (cursor !== '0');
  } finally {
    raw.disconnect();
  }
}

/** Clients under fresh prefixes for a test file; `cleanup` disconnects them and deletes their keys. */
export class RedisTestKeys {
  private readonly clients: Redis[] = [];
  private readonly prefixes: string[] = [];

  client(): Redis {
    const prefix = testPrefix();
    this.prefixes.push(prefix);
    const client = prefixedClient(prefix);
    this.clients.push(client);
    return client;
  }

  async cleanup(): Promise<void> {
    this.clients.splice(0).forEach((c) => c.disconnect());
    await Promise.all(this.prefixes.splice(0).map((p) => dropPrefix(p)));
  }
}
