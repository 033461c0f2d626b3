import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisTestKeys } from '../../../test/support/redis.js';
import type { OverlayEntry } from '../bank-overlay.js';
import type { BankStore } from './bank-store.js';
import { FileBankStore } from './file-bank.store.js';
import { MemoryBankStore } from './memory-bank.store.js';
import { RedisBankStore } from './redis-bank.store.js';

/** The same behaviour from every adapter: in memory, in files (the embedded default) and in Redis. */
const redis = new RedisTestKeys();
afterAll(() => redis.cleanup());

const fileStore = async (dir?: string) => {
  const store = new FileBankStore(dir ?? (await mkdtemp(path.join(tmpdir(), 'aulaquiz-bank-'))));
  await store.load();
  return store;
};

const adapters: Array<[string, () => Promise<BankStore>]> = [
  ['memory', async () => new MemoryBankStore()],
  ['file', () => fileStore()],
  ['redis', async () => new RedisBankStore(redis.client())],
];

function entry(questionId: string, over: Partial<OverlayEntry> = {}): OverlayEntry {
  return { questionId, excluded: false, content: null, own: false, updatedAt: 1000, editedAt: 0, ...over };
}

describe.each(adapters)('BankStore contract: %s', (_name, make) => {
  let store: BankStore;
  beforeEach(async () => {
    store = await make();
  });

  test('a deck is created once; a re-upload replaces it', async () => {
    expect(await store.saveDeck({ id: 'deck-a', markdown: '# A' }, 'create')).toBe(true);
    expect(await store.saveDeck({ id: 'deck-a', markdown: '# other' }, 'create')).toBe(false);
    expect(await store.getDeck('deck-a')).toEqual({ id: 'deck-a', markdown: '# A' });
    expect(await store.saveDeck({ id: 'deck-a', markdown: '# A v2' }, 'replace')).toBe(true);
    await store.saveDeck({ id: 'deck-0', markdown: '# 0' }, 'create');
    expect(await store.listDecks()).toEqual([
      { id: 'deck-0', markdown: '# 0' },
      { id: 'deck-a', markdown: '# A v2' },
    ]);
    expect(await store.getDeck('missing')).toBeNull();
  });

  test('overlay entries are kept per deck and question, replaced and removed one by one', async () => {
    const content = {
      type: 'single' as const,
      prompt: '¿Cuál?',
      options: ['a', 'b'],
      correct: [1],
      accepted: [],
      explanation: 'porque',
      source: { section: '1. Uno', slide: 's', sentence: 'x' },
      tags: ['1. Uno'],
      difficulty: 2,
    };
    await store.putEntry('deck-a', entry('q1', { excluded: true }));
    await store.putEntry('deck-a', entry('q2', { content }));
    await store.putEntry('deck-b', entry('q1'));
    await store.putEntry('deck-a', entry('q1', { excluded: false, updatedAt: 2000 }));
    const overlay = await store.overlay('deck-a');
    expect([...overlay.keys()].sort()).toEqual(['q1', 'q2']);
    expect(overlay.get('q1')).toEqual(entry('q1', { updatedAt: 2000 }));
    expect(overlay.get('q2')?.content).toEqual(content);
    expect(await store.removeEntry('deck-a', 'q1')).toBe(true);
    expect(await store.removeEntry('deck-a', 'q1')).toBe(false);
    expect([...(await store.overlay('deck-a')).keys()]).toEqual(['q2']);
    expect([...(await store.overlay('deck-b')).keys()]).toEqual(['q1']);
    expect((await store.overlay('deck-none')).size).toBe(0);
  });

  test('what a caller holds is a copy: changing it changes nothing stored', async () => {
    await store.putEntry('deck-c', entry('q1'));
    const overlay = await store.overlay('deck-c');
    overlay.get('q1')!.excluded = true;
    expect((await store.overlay('deck-c')).get('q1')!.excluded).toBe(false);
  });

  test('several entries are stored in one change, next to those already there', async () => {
    await store.putEntry('deck-m', entry('q0'));
    await store.putEntries('deck-m', [entry('q1'), entry('q2', { excluded: true })]);
    await store.putEntries('deck-m', []);
    const overlay = await store.overlay('deck-m');
    expect([...overlay.keys()].sort()).toEqual(['q0', 'q1', 'q2']);
    expect(overlay.get('q2')?.excluded).toBe(true);
  });

  test('concurrent edits of one deck all survive', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.putEntry('deck-d', entry(`q${i}`))));
    expect((await store.overlay('deck-d')).size).toBe(20);
  });
});

test('file store: decks and overlays survive a restart', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-bank-'));
  const first = await fileStore(dir);
  await first.saveDeck({ id: 'deck-f', markdown: '# F' }, 'create');
  await Promise.all([first.putEntry('deck-f', entry('q1', { excluded: true })), first.putEntry('deck-f', entry('q2'))]);
  await first.removeEntry('deck-f', 'q2');
  const second = await fileStore(dir);
  expect(await second.getDeck('deck-f')).toEqual({ id: 'deck-f', markdown: '# F' });
  expect([...(await second.overlay('deck-f')).values()]).toEqual([entry('q1', { excluded: true })]);
});

test('redis store: an unreachable Redis is the retryable TRY_AGAIN, never a crash', async () => {
  // Port 1 on loopback: nothing listens; no reconnect, no queueing.
  const down = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null, lazyConnect: true });
  down.on('error', () => undefined);
  const store = new RedisBankStore(down);
  await expect(store.overlay('deck-a')).rejects.toMatchObject({ code: 'TRY_AGAIN' });
  await expect(store.saveDeck({ id: 'deck-a', markdown: '# A' }, 'create')).rejects.toMatchObject({ code: 'TRY_AGAIN' });
  down.disconnect();
});
