import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { SYNC_SPACING_MS, SyncThread } from './sync-thread.js';

const open: Array<{ thread: SyncThread; fd: number; dir: string }> = [];
afterEach(async () => {
  for (const { thread, fd, dir } of open.splice(0)) {
    await thread.stop();
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A sync thread over a fresh file, counting its messages. The file is in memory where the machine has /dev/shm:
 * there a sync takes microseconds, so without the spacing syncs would start back to back (a disk's own latency would
 * space them anyway and hide a missing spacing).
 */
function threadOverFile(spacingMs = SYNC_SPACING_MS): { thread: SyncThread; fd: number; messages: () => number } {
  const dir = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'sync-thread-'));
  const fd = openSync(path.join(dir, 'file'), 'a');
  let messages = 0;
  const thread = new SyncThread(
    () => (messages += 1),
    (err) => {
      throw err;
    },
    spacingMs,
  );
  open.push({ thread, fd, dir });
  return { thread, fd, messages: () => messages };
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** Asks for a sync of one more line and waits (spinning, as a busy loop would go on with its work) until it ends. */
function syncOneLine(thread: SyncThread, fd: number, seq: number): void {
  writeSync(fd, 'line\n');
  thread.request(fd, seq);
  const deadline = performance.now() + 5000;
  while (thread.busy) if (performance.now() > deadline) throw new Error(`sync ${seq} did not end`);
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

  test('the first line after a quiet spell is told at once, not after the spacing', async () => {
    // Spaced a second apart: a message held back for the spacing would come long after the deadlines below.
    const { thread, fd, messages } = threadOverFile(1000);
    for (const seq of [1, 2]) {
      // The first request finds the thread just started; the second finds it asleep, a spacing after the first sync.
      if (seq === 2) await new Promise((resolve) => setTimeout(resolve, 1100));
      const asked = performance.now();
      writeSync(fd, 'line\n');
      thread.request(fd, seq);
      await until(() => messages() === seq);
      expect(thread.synced).toBe(seq);
      expect(performance.now() - asked).toBeLessThan(500);
    }
  });

  test('in a stream, a sync the loop asked past is not told by message; the last one is', async () => {
    // 20 ms apart: each sync of the file ends well inside the spacing, so every next request finds the thread awake.
    const { thread, fd, messages } = threadOverFile(20);
    syncOneLine(thread, fd, 1);
    await until(() => messages() === 1);

    // The loop asks for the next sync as soon as it sees the last one done: it has seen every sync but the last.
    for (let seq = 2; seq <= 20; seq++) syncOneLine(thread, fd, seq);
    await until(() => messages() > 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(thread.synced).toBe(20);
    expect(messages() - 1).toBeLessThan(19);
  });
});
