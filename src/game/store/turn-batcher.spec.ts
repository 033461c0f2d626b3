import { describe, expect, test } from '@jest/globals';
import { TurnBatcher } from './turn-batcher.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnBatcher', () => {
  test('items submitted in one turn under one key are flushed together, each settled with its own result', async () => {
    const flushes: Array<[string, number[]]> = [];
    const batcher = new TurnBatcher<number, number>(async (key, items) => {
      flushes.push([key, items]);
      return items.map((n) => n * 10);
    });
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
});
