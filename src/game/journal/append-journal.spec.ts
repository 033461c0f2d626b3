import { closeSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { AppendJournal, SETTLE_SLICE } from './append-journal.js';
import { countTurns } from '../../../test/support/turn-counter.js';

describe('AppendJournal', () => {
  test('a burst of appends settles in order, only once on disk, a slice per turn of the event loop', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'append-journal-')), 'games.jsonl');
    const journal = new AppendJournal(file);
    journal.open();
    const count = SETTLE_SLICE * 3 + 7;
    const settled: number[] = [];
    const turns: number[] = [];
    const loop = countTurns();
    const appends = Array.from({ length: count }, (_, i) =>
      journal.append(JSON.stringify({ i })).then(() => {
        // On disk before the caller hears of it.
        expect(readFileSync(file, 'utf8')).toContain(`{"i":${i}}\n`);
        settled.push(i);
        turns.push(loop.turn);
      }),
    );
    await Promise.all(appends);
    loop.stop();
    expect(settled).toEqual(Array.from({ length: count }, (_, i) => i));
    const perTurn = new Map<number, number>();
    for (const t of turns) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(SETTLE_SLICE);
    await journal.close();
  });
});

describe('AppendJournal.flush', () => {
  function openJournal(): { journal: AppendJournal; file: string } {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'append-journal-')), 'games.jsonl');
    const journal = new AppendJournal(file);
    journal.open();
    return { journal, file };
  }

  test('resolves at once with nothing appended', async () => {
    const { journal } = openJournal();
    await expect(journal.flush()).resolves.toBeUndefined();
    await journal.close();
  });

  test('waits for every line appended before it, queued or being written, and not for later ones', async () => {
    const { journal, file } = openJournal();
    const order: string[] = [];
    const first = Array.from({ length: SETTLE_SLICE + 5 }, (_, i) => journal.append(`{"a":${i}}`).then(() => order.push(`a${i}`)));
    // Let the first batch start; the next lines queue behind it.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const second = journal.append('{"b":0}').then(() => order.push('b0'));
    const flushed = journal.flush().then(() => {
      order.push('flushed');
      expect(readFileSync(file, 'utf8')).toContain('{"b":0}\n');
    });
    await Promise.all([...first, second, flushed]);
    expect(order.indexOf('flushed')).toBe(order.length - 1);
    expect(order).toHaveLength(SETTLE_SLICE + 7);
    await journal.close();
  });

  test('settles, without failing, once the lines it waits for failed to be written', async () => {
    const { journal } = openJournal();
    const appended = journal.append('{"c":0}');
    // The descriptor goes away under the journal: the batch's write fails.
    const fd = (journal as unknown as { fd: number }).fd;
    closeSync(fd);
    await expect(appended).rejects.toThrow();
    const again = journal.append('{"c":1}');
    const flushed = journal.flush();
    await expect(again).rejects.toThrow();
    await expect(flushed).resolves.toBeUndefined();
  });
});
