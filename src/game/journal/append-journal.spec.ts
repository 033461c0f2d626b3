import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { AppendJournal, SETTLE_SLICE } from './append-journal.js';

describe('AppendJournal', () => {
  test('a burst of appends settles in order, only once on disk, a slice per turn of the event loop', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'append-journal-')), 'games.jsonl');
    const journal = new AppendJournal(file);
    journal.open();
    const count = SETTLE_SLICE * 3 + 7;
    const settled: number[] = [];
    const turns: number[] = [];
    let turn = 0;
    let counting = true;
    const tick = () => {
      turn += 1;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const appends = Array.from({ length: count }, (_, i) =>
      journal.append(JSON.stringify({ i })).then(() => {
        // On disk before the caller hears of it.
        expect(readFileSync(file, 'utf8')).toContain(`{"i":${i}}\n`);
        settled.push(i);
        turns.push(turn);
      }),
    );
    await Promise.all(appends);
    counting = false;
    expect(settled).toEqual(Array.from({ length: count }, (_, i) => i));
    const perTurn = new Map<number, number>();
    for (const t of turns) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(SETTLE_SLICE);
    await journal.close();
  });
});
