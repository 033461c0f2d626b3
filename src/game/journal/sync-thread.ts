import { Worker } from 'node:worker_threads';

/** Slots of the shared counters. */
const REQUESTED = 0;
const SYNCED = 1;
const FD = 2;
const FAILED = 3;
/** Never written: the thread sleeps on it (a wait with a timeout) to space its syncs. */
const PACE = 4;
/** How many syncs the thread has run. */
const SYNCS = 5;
const SLOTS = 6;
/** Written to REQUESTED to stop the thread. */
const STOP = -1;

/**
 * The least time from the start of one sync to the start of the next. In a
 * burst (10,000 answers a second) a sync for every line or two meant
 * thousands of thread wake-ups and device flushes a second, CPU taken from
 * the loop and the phones on a small machine; spaced like this, each sync
 * carries what came in meanwhile. A line that arrives after a quiet spell is
 * synced at once. Each batch costs the loop a write and a look at the
 * thread's progress, so fewer, larger batches leave it more time for the
 * sockets: at 4 ms rather than 1 ms, with 1,000 and 5,000 players, the loop
 * spent 5–17% less CPU on a game (docs/benchmarks.md, "Fewer, larger journal
 * syncs"), for a few milliseconds more per ack in a steady stream.
 */
export const SYNC_SPACING_MS = 4;

/**
 * The thread's code, plain CommonJS evaluated as a string: it has no imports of
 * the app's own and needs no build step of its own (the same under `dist/` and
 * under the test runner). It waits for a request, syncs the descriptor named
 * with it, and publishes how far it got.
 *
 * After a sync it first waits out the spacing, and only then sleeps until the
 * next request. In a stream of lines the loop asks again during the spacing,
 * so its `Atomics.notify` finds nobody asleep and costs next to nothing;
 * waking a sleeping thread took tens of microseconds of the loop's time, a
 * thousand times a question at 10,000 players.
 *
 * Messages are spared the same way. A sync the loop asked for while the
 * thread waited out the spacing (a stream) is told by message only if, once
 * its own spacing is over, the loop has asked for nothing since. The loop
 * reads `synced` after every callback that appends, and whatever it asks for
 * next is synced after this batch and told in its turn, which settles this
 * batch too (settling takes every batch up to `synced`). Any other sync (the
 * first line after a quiet spell, which woke the thread) and a failed sync
 * are told at once.
 */
const THREAD_CODE = `
const { workerData, parentPort } = require('node:worker_threads');
const { fdatasyncSync } = require('node:fs');
const state = new Int32Array(workerData.state);
const spacingMs = workerData.spacingMs;
let done = 0;
let lastStart = -Infinity;
let unreported = false;
for (;;) {
  const early = lastStart + spacingMs - performance.now();
  if (early > 0) Atomics.wait(state, ${PACE}, 0, early);
  if (unreported && Atomics.load(state, ${REQUESTED}) === done) parentPort.postMessage({ failure: null });
  unreported = false;
  const streaming = Atomics.wait(state, ${REQUESTED}, done) === 'not-equal' && early > 0;
  lastStart = performance.now();
  const target = Atomics.load(state, ${REQUESTED});
  if (target === ${STOP}) break;
  let failure = null;
  try {
    fdatasyncSync(Atomics.load(state, ${FD}));
  } catch (err) {
    failure = String(err && err.message);
    Atomics.store(state, ${FAILED}, target);
  }
  Atomics.add(state, ${SYNCS}, 1);
  Atomics.store(state, ${SYNCED}, target);
  done = target;
  if (!streaming || failure !== null) parentPort.postMessage({ failure });
  else unreported = true;
}
`;

/**
 * fdatasync on a thread of its own, with its progress in shared memory.
 *
 * Why not the thread pool (`fs.fdatasync`)? Its completion reaches the event
 * loop as one more ready descriptor, behind every socket that is readable: in
 * a burst of 10,000 answers that is most of a second. Why not on the loop
 * (`fdatasyncSync`)? Every sync would then stop the loop for the disk's
 * latency. Here the loop writes a batch to the page cache, asks for a sync up
 * to that batch (at most one starts per SYNC_SPACING_MS) and goes on reading; it learns a sync is done by reading a
 * counter (`synced`), which the journal does after every callback that
 * appended, so during a burst an ack waits for the disk and nothing else. For
 * when nothing is appended after the last batch, the thread also posts a
 * message (see THREAD_CODE for when).
 */
export class SyncThread {
  private readonly state = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
  private readonly worker: Worker;
  private failure: string | null = null;
  private stopping = false;

  /**
   * `onProgress`: a sync ended that the loop may not have seen (see THREAD_CODE).
   * `onDeath`: the thread is gone without being stopped (nothing it was asked will end).
   * `spacingMs`: the least time between the starts of two syncs (tests space them wider to tell the two cases apart).
   */
  constructor(onProgress: () => void, onDeath: (err: Error) => void, spacingMs = SYNC_SPACING_MS) {
    // No flags of the process's own (`--input-type=module` would make the code a module, `--import` would load a
    // preload into the thread): it needs none.
    this.worker = new Worker(THREAD_CODE, { eval: true, workerData: { state: this.state.buffer, spacingMs }, execArgv: [] });
    this.worker.on('message', (msg: { failure: string | null }) => {
      if (msg.failure !== null) this.failure = msg.failure;
      onProgress();
    });
    let dead = false;
    const died = (reason: string) => {
      if (dead || this.stopping) return;
      dead = true;
      onDeath(new Error(`journal sync thread stopped: ${reason}`));
    };
    this.worker.on('error', (err) => died(err.message));
    this.worker.on('exit', (code) => died(`exit code ${code}`));
    // Only a sync in progress keeps the process alive (see `request`).
    this.worker.unref();
  }

  /**
   * Asks for everything written to `fd` up to batch `seq` (numbers only grow) to be synced. The thread reads the
   * batch number, then the descriptor: a request for another descriptor must wait until the thread is idle (the
   * journal switches files only once every batch is settled), or the sync of one could be counted for the other.
   */
  request(fd: number, seq: number): void {
    if (this.busy && Atomics.load(this.state, FD) !== fd) throw new Error('a sync of another file is still running');
    Atomics.store(this.state, FD, fd);
    Atomics.store(this.state, REQUESTED, seq);
    Atomics.notify(this.state, REQUESTED);
    this.worker.ref();
  }

  /** The last batch whose sync has ended (well or not: see `failedUpTo`). */
  get synced(): number {
    return Atomics.load(this.state, SYNCED);
  }

  /** The last batch whose sync failed (0: none), and why, when the thread has said. */
  get failedUpTo(): { seq: number; reason: string } {
    return { seq: Atomics.load(this.state, FAILED), reason: this.failure ?? 'fdatasync failed' };
  }

  /** How many syncs the thread has run. */
  get syncCount(): number {
    return Atomics.load(this.state, SYNCS);
  }

  /** A sync asked for has not ended yet. */
  get busy(): boolean {
    return Atomics.load(this.state, REQUESTED) !== this.synced;
  }

  /** Nothing is waiting for the thread: it no longer keeps the process alive. */
  rest(): void {
    this.worker.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    Atomics.store(this.state, REQUESTED, STOP);
    Atomics.notify(this.state, REQUESTED);
    await this.worker.terminate();
  }
}
