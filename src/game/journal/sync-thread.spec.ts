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
 * A sync thread over a fresh file, counting its messages. The file is in memory where the machine has /dev/shm:
 * there a sync takes microseconds, so without the spacing syncs would start back to back (a disk's own latency would
 * space them anyway and hide a missing spacing).
 */
function threadOverFile(): { thread: SyncThread; fd: number; messages: () => number } {
  const dir = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const fd = openSync(path.join(mkdtempSync(path.join(dir, 'sync-thread-')), 'file'), 'a');
  let messages = 0;
  const thread = new SyncThread(
    () => (messages += 1),
    (err) => {
      throw err;
    },
  );
  open.push({ thread, fd });
  return { thread, fd, messages: () => messages };
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('SyncThread', () => {
  test('requests made faster than the spacing share syncs: at most one starts per SYNC_SPACING_MS', async () => {
    const { thread, fd } = threadOverFile();
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
    const allowed = Math.ceil(elapsed / SYNC_SPACING_MS) + 1;
    expect(seq).toBeGreaterThan(2 * allowed);
    expect(thread.syncCount).toBeGreaterThan(0);
    expect(thread.syncCount).toBeLessThanOrEqual(allowed);
  });

  test('a sync nobody asked past is told by message; one the loop asked past is not', async () => {
    const { thread, fd, messages } = threadOverFile();
    // A lone request: nothing follows it, so only the message can tell the loop it is done.
    writeSync(fd, 'line\n');
    thread.request(fd, 1);
    await until(() => messages() === 1);
    expect(thread.synced).toBe(1);

    // Requests as a burst makes them (each as soon as the last one is done): every sync but the last is followed
    // by a request, which says the loop has seen it.
    let seq = 1;
    const burstStart = messages();
    while (seq < 20) {
      writeSync(fd, 'line\n');
      thread.request(fd, ++seq);
      while (thread.busy);
    }
    await until(() => messages() > burstStart);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(messages() - burstStart).toBeLessThan(19);
  });
});
