import { closeSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { AppendJournal } from './append-journal.js';
import { countTurns } from '../../../test/support/turn-counter.js';

/** Keeps the loop inside the current callback for `ms`, going through the microtask queue step by step. */
async function busyInThisTurn(ms: number, step: (elapsed: number) => void = () => undefined, stepMs = 0.1): Promise<void> {
  const start = performance.now();
  for (let elapsed = 0; elapsed < ms; elapsed = performance.now() - start) {
    step(elapsed);
    const until = performance.now() + stepMs;
    while (performance.now() < until);
    await Promise.resolve();
  }
}

/** Where a fresh journal goes, in a folder of its own. */
function journalFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'append-journal-')), 'games.jsonl');
}

function openJournal(): { journal: AppendJournal; file: string } {
  const file = journalFile();
  const journal = new AppendJournal(file);
  journal.open();
  return { journal, file };
}

/** An open journal whose sync thread is up (it starts with the journal, which a server opens at boot). */
async function runningJournal(): Promise<{ journal: AppendJournal; file: string }> {
  const opened = openJournal();
  await opened.journal.append('{"warm":true}');
  return opened;
}

describe('AppendJournal', () => {
  test('a burst of appends settles in order, each only once its line is on disk', async () => {
    const { journal, file } = openJournal();
    const count = 3007;
    const settled: number[] = [];
    const appends = Array.from({ length: count }, (_, i) =>
      journal.append(JSON.stringify({ i })).then(() => {
        expect(readFileSync(file, 'utf8')).toContain(`{"i":${i}}\n`);
        settled.push(i);
      }),
    );
    await Promise.all(appends);
    expect(settled).toEqual(Array.from({ length: count }, (_, i) => i));
    await journal.close();
  });

  test('lines appended while the loop stays busy are synced and settled within that same turn, not after it', async () => {
    // A burst keeps one poll phase of the loop reading sockets for as long as they stay readable: an append must not
    // wait for the phase to end (setImmediate, or a sync completing in the thread pool) to reach the disk.
    const { journal } = await runningJournal();
    const loop = countTurns();
    const startTurn = loop.turn;
    const settledInTurn: Array<number | undefined> = [];
    const appends: Array<Promise<void>> = [];
    await busyInThisTurn(40, () => {
      const i = appends.length;
      appends.push(journal.append(`{"i":${i}}`).then(() => void (settledInTurn[i] = loop.turn)));
    });
    // Everything appended up to the last gap is settled already, in the turn that appended it.
    const settledSoFar = settledInTurn.filter((turn) => turn !== undefined);
    expect(settledSoFar.length).toBeGreaterThan(appends.length / 2);
    expect(new Set(settledSoFar)).toEqual(new Set([startTurn]));
    await Promise.all(appends);
    loop.stop();
    await journal.close();
  });

  test('the lines appended while a sync runs share the next one', async () => {
    const { journal, file } = await runningJournal();
    const sizeWhenSettled: number[] = [];
    const appends: Array<Promise<void>> = [];
    // An append every 20 µs: a sync (a fraction of a millisecond even on a fast disk) always has several behind it.
    await busyInThisTurn(60, () => void appends.push(journal.append('{"x":1}').then(() => void sizeWhenSettled.push(statSync(file).size))), 0.02);
    await Promise.all(appends);
    // Each sync settles its lines together, at the file's size after that batch: one distinct size per sync.
    const syncs = new Set(sizeWhenSettled).size;
    expect(syncs).toBeGreaterThanOrEqual(2);
    expect(appends.length).toBeGreaterThan(syncs * 2);
    await journal.close();
  });
});

describe('AppendJournal.flush', () => {
  test('resolves at once with nothing appended', async () => {
    const { journal } = openJournal();
    await expect(journal.flush()).resolves.toBeUndefined();
    await journal.close();
  });

  test('waits for every line appended before it, queued or being written, and not for later ones', async () => {
    const { journal, file } = openJournal();
    const order: string[] = [];
    const first = Array.from({ length: 1005 }, (_, i) => journal.append(`{"a":${i}}`).then(() => order.push(`a${i}`)));
    // Let the first batch be written; the next line is written once its sync is done.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const second = journal.append('{"b":0}').then(() => order.push('b0'));
    const flushed = journal.flush().then(() => {
      order.push('flushed');
      expect(readFileSync(file, 'utf8')).toContain('{"b":0}\n');
    });
    await Promise.all([...first, second, flushed]);
    expect(order.indexOf('flushed')).toBe(order.length - 1);
    expect(order).toHaveLength(1007);
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

  test('a sync that fails rejects the lines it was to make durable, and only those', async () => {
    // Writing to /dev/null succeeds; syncing it fails (EINVAL), on the sync thread.
    const journal = new AppendJournal('/dev/null');
    journal.open();
    const lines = [journal.append('{"d":0}'), journal.append('{"d":1}')];
    await expect(lines[0]).rejects.toThrow(/journal sync failed/);
    await expect(lines[1]).rejects.toThrow(/journal sync failed/);
    expect(journal.lastError?.message).toMatch(/journal sync failed/);
    await expect(journal.flush()).resolves.toBeUndefined();
    await journal.close();
  });

  test('an append made while the journal closes is refused, not left waiting', async () => {
    const { journal } = await runningJournal();
    const before = journal.append('{"before":true}');
    const closed = journal.close();
    await expect(journal.append('{"during":true}')).rejects.toThrow(/closed/);
    await expect(before).resolves.toBeUndefined();
    await closed;
  });

  test('zeros between lines (a batch whose sync failed, read back as the disk had it) hide none of the lines after them', async () => {
    const file = journalFile();
    // The batch between "a" and "b" was refused; "b" and the batches after it were synced and acknowledged. A crash
    // can also leave a line cut short just before a stretch of zeros.
    const hole = '\0'.repeat(1024 * 1024);
    writeFileSync(file, `{"a":1}\n${hole}{"b":2}\n{"cut${'\0'.repeat(300)}{"c":3}\n`);
    const journal = new AppendJournal(file);
    expect(journal.readExisting()).toEqual(['{"a":1}', '{"b":2}', '{"cut', '{"c":3}']);
    journal.open();
    await journal.append('{"d":4}');
    expect(journal.readExisting()).toEqual(['{"a":1}', '{"b":2}', '{"cut', '{"c":3}', '{"d":4}']);
    await journal.close();
  });

  test('a sync thread that dies is replaced: the next lines are synced by a new one', async () => {
    const { journal, file } = await runningJournal();
    const thread = (journal as unknown as { syncs: { worker: { terminate(): Promise<number> } } }).syncs;
    await thread.worker.terminate();
    await journal.append('{"after":true}');
    expect(readFileSync(file, 'utf8')).toContain('{"after":true}\n');
    await journal.close();
  });
});
