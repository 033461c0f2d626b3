import type { Redis } from 'ioredis';
import type { HistoryRecord } from './history-record.js';
import { HistoryStore, type HistoryQuery } from './history-store.js';
import { isAfter, summarizeRecord, type HistorySummary } from './history-summary.js';

/**
 * History in Redis. One hash tag ({history}) keeps every history key on one
 * shard, so the scripts below stay atomic under Redis Cluster too. History
 * keys never expire.
 */
const keys = {
  record: (gameId: string) => `{history}:record:${gameId}`,
  summary: (gameId: string) => `{history}:summary:${gameId}`,
  index: '{history}:index',
  deck: (deckId: string) => `{history}:deck:${deckId}`,
  /** Ids of deleted games (a set): never stored again. */
  deleted: '{history}:deleted',
};

/**
 * SET NX decides who writes a game: two instances ending the same game store
 * it once. A deleted game's id stays in KEYS[5], so a late retry is refused.
 */
const SAVE_ONCE = `
if redis.call('SISMEMBER', KEYS[5], ARGV[4]) == 1 then return 0 end
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[4])
return 1`;

const DELETE = `
if redis.call('DEL', KEYS[1]) == 0 then return 0 end
redis.call('SADD', KEYS[5], ARGV[1])
redis.call('DEL', KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return 1`;

const PAGE_BATCH = 100;

type HistoryRedis = Redis & {
  historySaveOnce(
    k1: string,
    k2: string,
    k3: string,
    k4: string,
    k5: string,
    record: string,
    summary: string,
    endedAt: number,
    gameId: string,
  ): Promise<number>;
  historyDelete(k1: string, k2: string, k3: string, k4: string, k5: string, gameId: string): Promise<number>;
};

export class RedisHistoryStore extends HistoryStore {
  private readonly redis: HistoryRedis;

  constructor(redis: Redis) {
    super();
    redis.defineCommand('historySaveOnce', { numberOfKeys: 5, lua: SAVE_ONCE });
    redis.defineCommand('historyDelete', { numberOfKeys: 5, lua: DELETE });
    this.redis = redis as HistoryRedis;
  }

  async saveOnce(record: HistoryRecord): Promise<boolean> {
    const summary = summarizeRecord(record);
    const stored = await this.redis.historySaveOnce(
      keys.record(record.gameId),
      keys.summary(record.gameId),
      keys.index,
      keys.deck(record.deckId),
      keys.deleted,
      JSON.stringify(record),
      JSON.stringify(summary),
      record.endedAt,
      record.gameId,
    );
    return stored === 1;
  }

  async get(gameId: string): Promise<HistoryRecord | null> {
    const json = await this.redis.get(keys.record(gameId));
    return json ? (JSON.parse(json) as HistoryRecord) : null;
  }

  /** Newest first from the sorted set (score: end time; equal times in reverse id order, as newestFirst). */
  async list({ deckId, limit, after }: HistoryQuery): Promise<HistorySummary[]> {
    const index = deckId ? keys.deck(deckId) : keys.index;
    const out: HistorySummary[] = [];
    for (let offset = 0; out.length < limit; offset += PAGE_BATCH) {
      const max = after ? String(after.endedAt) : '+inf';
      const ids = await this.redis.zrevrangebyscore(index, max, '-inf', 'LIMIT', offset, PAGE_BATCH);
      if (ids.length === 0) break;
      const summaries = await this.redis.mget(...ids.map(keys.summary));
      for (const json of summaries) {
        if (!json) continue;
        const summary = JSON.parse(json) as HistorySummary;
        if (!after || isAfter(summary, after)) out.push(summary);
      }
    }
    return out.slice(0, limit);
  }

  async recordsOfDeck(deckId: string): Promise<HistoryRecord[]> {
    const ids = await this.redis.zrange(keys.deck(deckId), '0', '-1');
    if (ids.length === 0) return [];
    const records = await this.redis.mget(...ids.map(keys.record));
    return records.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as HistoryRecord);
  }

  async delete(gameId: string): Promise<boolean> {
    const summary = await this.redis.get(keys.summary(gameId));
    if (!summary) return false;
    const { deckId } = JSON.parse(summary) as HistorySummary;
    const deleted = await this.redis.historyDelete(keys.record(gameId), keys.summary(gameId), keys.index, keys.deck(deckId), keys.deleted, gameId);
    return deleted === 1;
  }
}
