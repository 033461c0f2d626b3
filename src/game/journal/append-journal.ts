import {
  close,
  closeSync,
  fdatasync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  open,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  write,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SyncThread } from './sync-thread.js';

const openAsync = promisify(open);
const writeAsync = promisify(write);
const datasyncAsync = promisify(fdatasync);
const closeAsync = promisify(close);

interface PendingLine {
  line: string;
  /** Appended after a compaction took its snapshot: the snapshot does not hold it, the new file must. */
  afterSnapshot: boolean;
  resolve: () => void;
  reject: (err: unknown) => void;
  /** `flush` calls waiting for this line, the last appended when they were made. */
  waiters?: Array<() => void>;
}

/** Settles the line's append (`failure` set: rejected with its error) and then whoever flushed behind it. */
function settle(pending: PendingLine, failure?: { error: unknown }): void {
  if (failure) pending.reject(failure.error);
  else pending.resolve();
  for (const waiter of pending.waiters ?? []) waiter();
}

/**
 * An append-only file of JSON lines, made durable in groups: every `append`
 * resolves only once its line is written and fdatasync'd, and all the lines
 * that arrive while one sync runs share the next one (group commit), so a
 * burst of answers costs a few syncs, not one each. The syncs run on a thread
 * of their own (`SyncThread`, which says why).
 *
 * `compact` replaces the whole file by a shorter one without holding up
 * appends: the snapshot is written and synced beside the file while batches
 * go on being written to the old one; then, between two batches, the lines
 * made durable since the snapshot are copied after it, the new file is
 * synced and renamed over the old one and the directory synced. A crash at
 * any moment leaves either the old file (with every acknowledged line) or
 * the new one (snapshot plus every line acknowledged after it), never a mix;
 * a half-written snapshot beside it is ignored and overwritten next time.
 */
export class AppendJournal {
  private fd: number | null = null;
  /** Appended, not yet written. */
  private buffer: PendingLine[] = [];
  /** Written to the page cache, waiting for their sync, in order; `seq` numbers the batch. */
  private unsynced: Array<{ seq: number; lines: PendingLine[] }> = [];
  private written = 0;
  private syncs: SyncThread | null = null;
  /** A look at the sync thread's progress is queued for the end of the current callback's microtasks. */
  private checkQueued = false;
  /** `close` has begun: appends are refused, a compaction stops where it is. */
  private closing = false;
  private compaction: Promise<void> | null = null;
  private bytes = 0;
  private snapshotBytes = 0;
  private failed: Error | null = null;
  private compacting = false;
  /** While a compaction runs: lines made durable in the old file since its snapshot was taken. */
  private carried: string[] | null = null;
  /** While the new file takes over: no batch is written. */
  private switching = false;

  constructor(readonly file: string) {}

  /** Where a compaction writes its snapshot before it replaces the file. */
  get compactionFile(): string {
    return `${this.file}.compact`;
  }

  /**
   * Every complete line already in the file (a line torn by a crash mid-write is dropped). A run of zero bytes ends a
   * line as a newline does: a batch whose sync failed can read back as zeros once a later sync made the file's new
   * size durable, and the batches after it were acknowledged. Lines never hold a zero byte (JSON writes \u0000).
   */
  readExisting(): string[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const lines = text.replace(/\0+/g, '\n').split('\n');
    // The last element is '' after a complete final line, or a torn line: either way not a record.
    lines.pop();
    return lines.filter((line) => line.length > 0);
  }

  open(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    this.fd = openSync(this.file, 'a');
    this.closing = false;
    this.syncs ??= this.startSyncThread();
    this.bytes = fstatSync(this.fd).size;
  }

  /** Bytes in the file: the last compaction's snapshot plus every line after it. */
  get size(): number {
    return this.bytes;
  }

  /** Bytes of the snapshot the last compaction wrote (0 before the first). */
  get snapshotSize(): number {
    return this.snapshotBytes;
  }

  get isCompacting(): boolean {
    return this.compacting;
  }

  /** The last write or sync failure, while the journal cannot write (cleared by the next success). */
  get lastError(): Error | null {
    return this.failed;
  }

  /** Resolves once `line` is on disk. The line is queued synchronously: lines are written in the order of the calls. */
  append(line: string): Promise<void> {
    if (this.fd === null || this.closing) {
      this.failed = new Error(this.closing ? 'journal is closed' : 'journal is not open');
      return Promise.reject(this.failed);
    }
    const done = new Promise<void>((resolve, reject) => this.buffer.push({ line, afterSnapshot: this.carried !== null, resolve, reject }));
    this.scheduleCheck();
    return done;
  }

  /**
   * Waits until everything appended so far is on disk (or failed). Batches and the lines in them settle in order, so
   * that is when the last line appended settles; the wait hangs on that line rather than costing every append a promise.
   */
  flush(): Promise<void> {
    const last = this.buffer.at(-1) ?? this.unsynced.at(-1)?.lines.at(-1);
    if (!last) return Promise.resolve();
    return new Promise<void>((resolve) => (last.waiters ??= []).push(resolve));
  }

  /**
   * Replaces the file by the lines `snapshot()` returns, which must hold the
   * state of everything appended before the call (the caller's memory already
   * has every change it appended). Lines appended from then on are written
   * as usual and also carried into the new file.
   */
  compact(snapshot: () => string[]): Promise<void> {
    if (this.compacting || this.closing) return this.compaction ?? Promise.resolve();
    this.compacting = true;
    this.compaction = this.compactNow(snapshot).finally(() => (this.compaction = null));
    return this.compaction;
  }

  private async compactNow(snapshot: () => string[]): Promise<void> {
    const temp = this.compactionFile;
    let tempFd: number | null = null;
    try {
      const text = joinLines(snapshot());
      this.carried = [];
      tempFd = await openAsync(temp, 'w');
      await writeFully(tempFd, text);
      await datasyncAsync(tempFd);
      await this.snapshotWritten();
      // A journal that is closing keeps its file: the snapshot is dropped (below) and never read.
      if (this.closing) return;

      // Everything appended so far goes to the old file first and is synced there (the lines appended since the
      // snapshot are carried over with it); what is appended from here on waits for the new file.
      this.writeBuffered();
      this.switching = true;
      await this.flush();
      const carried = joinLines(this.carried);
      if (carried.length > 0) {
        await writeFully(tempFd, carried);
        await datasyncAsync(tempFd);
      }
      renameSync(temp, this.file);
      syncDirectory(path.dirname(this.file));
      // The snapshot's descriptor is the journal's now (its position is at the end): later batches append to it.
      const old = this.fd;
      this.fd = tempFd;
      tempFd = null;
      if (old !== null) closeSync(old);
      this.snapshotBytes = Buffer.byteLength(text);
      this.bytes = this.snapshotBytes + Buffer.byteLength(carried);
    } finally {
      if (tempFd !== null) {
        await closeAsync(tempFd).catch(() => undefined);
        try {
          unlinkSync(temp);
        } catch {
          // Already gone; a leftover is overwritten by the next compaction and never read.
        }
      }
      this.carried = null;
      this.switching = false;
      this.compacting = false;
      this.scheduleCheck();
    }
  }

  async close(): Promise<void> {
    if (!this.switching) this.writeBuffered();
    this.closing = true;
    await this.compaction;
    await this.flush();
    await this.syncs?.stop();
    this.syncs = null;
    // Nothing can be pending here (appends are refused since `closing`); were anything left, it fails rather than hangs.
    this.failUnsynced(new Error('journal is closed'));
    const buffered = this.buffer;
    this.buffer = [];
    if (buffered.length > 0) this.batchFailed(buffered, new Error('journal is closed'));
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Called once a compaction's snapshot is on disk, before the new file takes over (a crash test stops here). */
  protected async snapshotWritten(): Promise<void> {}

  /**
   * Once the callback that appended is done (its microtasks included, so a commit's several entries share a
   * batch): settle what the sync thread has synced, then write what is buffered if no sync is running (one that is
   * running would not cover it; its end writes the next batch). Never deferred to the next turn of the loop: while
   * thousands of sockets are readable, one poll phase reads them all, and a batch that waited for the turn's end held
   * every answer of a 10,000-player burst for most of a second.
   */
  private scheduleCheck(): void {
    if (this.checkQueued) return;
    this.checkQueued = true;
    queueMicrotask(() => {
      this.checkQueued = false;
      this.progress();
    });
  }

  /** Settles the batches the sync thread is done with; starts the next one if it is free. */
  private progress(): void {
    const syncs = this.syncs;
    if (!syncs) return;
    const synced = syncs.synced;
    const failed = syncs.failedUpTo;
    while (this.unsynced[0] && this.unsynced[0].seq <= synced) {
      const batch = this.unsynced.shift();
      if (!batch) break;
      if (batch.seq <= failed.seq) this.batchFailed(batch.lines, new Error(`journal sync failed: ${failed.reason}`));
      else this.batchSynced(batch.lines);
    }
    if (!syncs.busy) this.writeBuffered();
    if (!syncs.busy && this.unsynced.length === 0) syncs.rest();
  }

  /** Writes every buffered line to the page cache as one batch and asks for its sync. */
  private writeBuffered(): void {
    if (this.switching || this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    const text = Buffer.from(joinLines(batch.map((p) => p.line)));
    const fd = this.fd;
    const syncs = this.syncs;
    try {
      if (fd === null || syncs === null) throw new Error('journal is closed');
      writeSyncFully(fd, text, this.bytes);
      this.bytes += text.length;
      this.written += 1;
      this.unsynced.push({ seq: this.written, lines: batch });
      syncs.request(fd, this.written);
    } catch (err) {
      this.batchFailed(batch, err);
    }
  }

  private startSyncThread(): SyncThread {
    return new SyncThread(
      () => this.progress(),
      (err) => {
        // Whether the batches it was syncing reached the disk is unknown: they fail (an answer is then sent again by
        // the phone and scored anew); a new thread syncs the lines buffered meanwhile and every later batch.
        this.syncs = null;
        this.failUnsynced(err);
        if (!this.closing && this.fd !== null) this.syncs = this.startSyncThread();
        this.scheduleCheck();
      },
    );
  }

  /** Fails every line written but not yet synced. */
  private failUnsynced(err: Error): void {
    const unsynced = this.unsynced;
    this.unsynced = [];
    for (const batch of unsynced) this.batchFailed(batch.lines, err);
  }

  private batchSynced(batch: PendingLine[]): void {
    this.failed = null;
    if (this.carried) for (const p of batch) if (p.afterSnapshot) this.carried.push(p.line);
    for (const p of batch) settle(p);
  }

  private batchFailed(batch: PendingLine[], err: unknown): void {
    this.failed = err as Error;
    for (const p of batch) settle(p, { error: err });
  }
}

/**
 * Writes all of `data` at the end of the file (`size` bytes before it). A write may take only part of it (a full
 * disk, a file-size limit); the rest is written after it, and if that fails the file is cut back to `size`, so a
 * failed batch never leaves a torn line for the next one to be appended to.
 */
function writeSyncFully(fd: number, data: Buffer, size: number): void {
  try {
    for (let done = 0; done < data.length;) done += writeSync(fd, data, done);
  } catch (err) {
    try {
      ftruncateSync(fd, size);
    } catch {
      // The torn end stays; replay drops a line it cannot parse, the lines after it still replay.
    }
    throw err;
  }
}

async function writeFully(fd: number, text: string): Promise<void> {
  const data = Buffer.from(text);
  for (let done = 0; done < data.length;) done += (await writeAsync(fd, data, done)).bytesWritten;
}

function joinLines(lines: string[]): string {
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A rename is durable only once its directory is synced. */
function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fdatasyncSync(fd);
  } catch {
    // Some file systems refuse fsync on directories; the rename is still atomic there.
  } finally {
    closeSync(fd);
  }
}
