import { closeSync, existsSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { SYNC_SPACING_MS, SyncThread } from './sync-thread.js';

const open: Array<{ thread: SyncThread; fd: number }> = [];
afterEach(async () => {
  for (const { thread, fd } of open.splice(0)) {
    await thread.stop();
    closeSync(fd);
  }
});

/**
 * A sync thread over a fresh file, keeping when each sync it reports started (one message per sync). The file is
 * in memory where the machine has /dev/shm: there a sync takes microseconds, so without the spacing syncs would
 * start back to back (a disk's own latency would space them anyway and hide a missing spacing).
 */
function threadOverFile(): { thread: SyncThread; fd: number; starts: number[] } {
  const dir = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const fd = openSync(path.join(mkdtempSync(path.join(dir, 'sync-thread-')), 'file'), 'a');
  const starts: number[] = [];
  const thread = new SyncThread(
    (startedAt) => starts.push(startedAt),
    (err) => {
      throw err;
    },
  );
  open.push({ thread, fd });
  return { thread, fd, starts };
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('SyncThread', () => {
  test('requests made faster than the spacing share syncs: at most one starts per SYNC_SPACING_MS', async () => {
    const { thread, fd, starts } = threadOverFile();
    const started = performance.now();
    let seq = 0;
    // A request every 20 µs for 50 ms, as a burst of answers makes them.
    while (performance.now() - started < 50) {
      writeSync(fd, 'line\n');
      thread.request(fd, ++seq);
      const next = performance.now() + 0.02;
      while (performance.now() < next);
    }
    await until(() => thread.synced === seq);
    const elapsed = performance.now() - started;
    // Each sync's message reaches the loop after its counter: let the last ones in.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const allowed = Math.ceil(elapsed / SYNC_SPACING_MS) + 1;
    expect(seq).toBeGreaterThan(2 * allowed);
    expect(starts.length).toBeLessThanOrEqual(allowed);
    const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? start));
    // Microseconds of slack: the thread's clock and the timeout it sleeps for are read a moment apart.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SYNC_SPACING_MS - 0.01);
  });
});
