import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
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

/** A sync thread over a fresh file, counting the syncs it reports (one message per sync). */
function threadOverFile(): { thread: SyncThread; fd: number; syncs: () => number } {
  const fd = openSync(path.join(mkdtempSync(path.join(tmpdir(), 'sync-thread-')), 'file'), 'a');
  let syncs = 0;
  const thread = new SyncThread(
    () => (syncs += 1),
    (err) => {
      throw err;
    },
  );
  open.push({ thread, fd });
  return { thread, fd, syncs: () => syncs };
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('SyncThread', () => {
  test('requests made faster than the spacing share syncs: at most one starts per SYNC_SPACING_MS', async () => {
    const { thread, fd, syncs } = threadOverFile();
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
    expect(seq).toBeGreaterThan(500);
    expect(syncs()).toBeLessThanOrEqual(Math.ceil(elapsed / SYNC_SPACING_MS) + 1);
  });
});
