import { describe, expect, test } from '@jest/globals';
import { TurnBatcher } from './turn-batcher.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnBatcher', () => {
  test('items submitted in one turn under one key are flushed together, each settled with its own result', async () => {
    const flushes: Array<[string, number[]]> = [];
    // No time limit on a batch here (that is the third test's): a pause between two submits must not split it.
    const batcher = new TurnBatcher<number, number>(async (key, items) => {
      flushes.push([key, items]);
      return items.map((n) => n * 10);
    }, Number.POSITIVE_INFINITY);
    const first = [batcher.submit('q0', 1), batcher.submit('q0', 2), batcher.submit('q1', 3)];
    await expect(Promise.all(first)).resolves.toEqual([10, 20, 30]);
    const later = await batcher.submit('q0', 4);
    expect(later).toBe(40);
    expect(flushes).toEqual([
      ['q0', [1, 2]],
      ['q1', [3]],
      ['q0', [4]],
    ]);
  });

  test('nothing is settled before its batch is done; a failed batch fails each of its items', async () => {
    let release: (results: number[]) => void = () => undefined;
    const batcher = new TurnBatcher<number, number>(() => new Promise<number[]>((resolve) => (release = resolve)));
    let settled = false;
    const pending = batcher.submit('k', 1).then((r) => ((settled = true), r));
    await nextTurn();
    await nextTurn();
    expect(settled).toBe(false);
    release([7]);
    await expect(pending).resolves.toBe(7);

    const failing = new TurnBatcher<number, number>(() => Promise.reject(new Error('Redis went away')));
    await expect(Promise.all([failing.submit('k', 1), failing.submit('k', 2)])).rejects.toThrow('Redis went away');
    const results = await Promise.allSettled([failing.submit('k', 1), failing.submit('k', 2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  test('a batch older than its wait is flushed by the next submit, without waiting for the turn to end', async () => {
    const flushes: number[][] = [];
    const batcher = new TurnBatcher<number, number>(
      (_key, items) => {
        flushes.push([...items]);
        return Promise.resolve(items);
      },
      5,
      3,
    );
    const all = [batcher.submit('k', 1)];
    // The same turn, 6 ms later (a poll phase busy with other sockets): this submit sends both at once.
    const until = performance.now() + 6;
    while (performance.now() < until);
    all.push(batcher.submit('k', 2));
    expect(flushes).toEqual([[1, 2]]);
    // A fresh batch: young, so it waits — until it reaches the item limit.
    all.push(batcher.submit('k', 3), batcher.submit('k', 4));
    expect(flushes).toHaveLength(1);
    all.push(batcher.submit('k', 5));
    expect(flushes).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    all.push(batcher.submit('k', 6));
    await expect(Promise.all(all)).resolves.toEqual([1, 2, 3, 4, 5, 6]);
    // The flushed batches' own end-of-turn runs found nothing left to send.
    expect(flushes).toEqual([[1, 2], [3, 4, 5], [6]]);
  });
});
