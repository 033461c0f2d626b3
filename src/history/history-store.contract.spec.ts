import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from '@jest/globals';
import { finishedGame } from '../../test/support/history-fixtures.js';
import { RedisTestKeys } from '../../test/support/redis.js';
import { validateConfig } from '../config/app-config.js';
import { FileHistoryStore } from './file-history.store.js';
import type { HistoryStore } from './history-store.js';
import { MemoryHistoryStore } from './memory-history.store.js';
import { RedisHistoryStore } from './redis-history.store.js';

/** The same behaviour from every adapter: in memory, in files (the embedded default) and in Redis. */
const redis = new RedisTestKeys();

const adapters: Array<[string, () => Promise<HistoryStore>]> = [
  ['memory', async () => new MemoryHistoryStore()],
  [
    'file',
    async () => {
      const store = new FileHistoryStore(validateConfig({ DATA_DIR: await mkdtemp(path.join(tmpdir(), 'aulaquiz-hist-')) }));
      await store.onModuleInit();
      return store;
    },
  ],
  ['redis', async () => new RedisHistoryStore(redis.client())],
];

afterAll(() => redis.cleanup());

describe.each(adapters)('HistoryStore contract: %s', (_name, make) => {
  let store: HistoryStore;
  beforeEach(async () => {
    store = await make();
  });

  test('a game is written once; a second save of the same game is ignored', async () => {
    const first = finishedGame('game-aaaa01', 'deck-a', 1_000_000);
    expect(await store.saveOnce(first)).toBe(true);
    expect(await store.saveOnce({ ...first, endReason: 'abandoned' })).toBe(false);
    expect(await store.get('game-aaaa01')).toEqual(first);
    expect(await store.get('missing-game')).toBeNull();
  });

  test('the stored record is its own: changing the saved object afterwards does not change history', async () => {
    const record = finishedGame('game-own001', 'deck-a', 1_000_000);
    const original = structuredClone(record);
    await store.saveOnce(record);
    record.endReason = 'abandoned';
    record.leaderboard.length = 0;
    expect(await store.get('game-own001')).toEqual(original);
  });

  test('concurrent saves of one game store it exactly once', async () => {
    const record = finishedGame('game-race01', 'deck-a', 1_000_000);
    const results = await Promise.all([store.saveOnce(record), store.saveOnce(record), store.saveOnce(record)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.list({ limit: 10 })).toHaveLength(1);
  });

  test('lists newest first, by deck, page after page without gaps or repeats', async () => {
    const times = [5000, 1000, 3000, 3000, 4000, 2000];
    for (const [i, t] of times.entries()) await store.saveOnce(finishedGame(`game-list0${i}`, i % 2 ? 'deck-b' : 'deck-a', t));
    const all = await store.list({ limit: 10 });
    expect(all.map((s) => s.endedAt)).toEqual([5000, 4000, 3000, 3000, 2000, 1000]);
    expect(all[0]).toMatchObject({ playerCount: 2, questionCount: 5, winner: { nickname: 'Ana' } });
    const paged: string[] = [];
    let after: { endedAt: number; gameId: string } | undefined;
    for (;;) {
      const page = await store.list({ limit: 2, after });
      if (page.length === 0) break;
      paged.push(...page.map((p) => p.gameId));
      after = page.at(-1);
    }
    expect(paged).toEqual(all.map((s) => s.gameId));
    expect((await store.list({ deckId: 'deck-b', limit: 10 })).map((s) => s.deckId)).toEqual(['deck-b', 'deck-b', 'deck-b']);
  });

  test('records of a deck come oldest first', async () => {
    for (const [i, t] of [300, 100, 200].entries()) await store.saveOnce(finishedGame(`game-deck0${i}`, 'deck-c', t));
    expect((await store.recordsOfDeck('deck-c')).map((r) => r.endedAt)).toEqual([100, 200, 300]);
    expect(await store.recordsOfDeck('deck-none')).toEqual([]);
  });

  test('a deleted game is gone from every listing', async () => {
    await store.saveOnce(finishedGame('game-del001', 'deck-d', 10));
    await store.saveOnce(finishedGame('game-del002', 'deck-d', 20));
    expect(await store.delete('game-del001')).toBe(true);
    expect(await store.delete('game-del001')).toBe(false);
    expect(await store.get('game-del001')).toBeNull();
    expect((await store.list({ limit: 10 })).map((s) => s.gameId)).toEqual(['game-del002']);
    expect((await store.recordsOfDeck('deck-d')).map((r) => r.gameId)).toEqual(['game-del002']);
  });

  test('a deleted game is never stored again (a late retry of its record does not bring it back)', async () => {
    const record = finishedGame('game-del003', 'deck-e', 30);
    await store.saveOnce(record);
    expect(await store.delete('game-del003')).toBe(true);
    expect(await store.saveOnce(record)).toBe(false);
    expect(await store.get('game-del003')).toBeNull();
    expect(await store.list({ deckId: 'deck-e', limit: 10 })).toEqual([]);
  });
});
