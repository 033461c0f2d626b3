import { closeSync, fdatasync, fdatasyncSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, write, writeSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const writeAsync = promisify(write);
const datasyncAsync = promisify(fdatasync);

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * An append-only file of JSON lines, made durable in groups: every `append`
 * resolves only once its line is written and fdatasync'd, and all the lines
 * that arrive while one sync runs share the next one (group commit), so a
 * burst of answers costs a few syncs, not one each.
 *
 * `compact` replaces the whole file by a shorter one (written beside it,
 * synced, renamed over it, directory synced): a crash at any moment leaves
 * either the old file or the new one, never a mix.
 */
export class AppendJournal {
  private fd: number | null = null;
  private buffer: string[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private bytes = 0;
  private failed: Error | null = null;
  private compacting = false;

  constructor(readonly file: string) {}

  /** Every complete line already in the file (a line torn by a crash mid-write is dropped). */
  readExisting(): string[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const lines = text.split('\n');
    // The last element is '' after a complete final line, or a torn line: either way not a record.
    lines.pop();
    return lines.filter((line) => line.length > 0);
  }

  open(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    this.fd = openSync(this.file, 'a');
    this.bytes = fstatSync(this.fd).size;
  }

  /** Bytes written since the file was last compacted (or opened). */
  get size(): number {
    return this.bytes;
  }

  /** The last write or sync failure, while the journal cannot write (cleared by the next success). */
  get lastError(): Error | null {
    return this.failed;
  }

  /** Resolves once `line` is on disk. */
  append(line: string): Promise<void> {
    if (this.fd === null) {
      this.failed = new Error('journal is not open');
      return Promise.reject(this.failed);
    }
    this.buffer.push(line);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.scheduleFlush();
    return done;
  }

  /** Waits until everything appended so far is on disk (or failed). */
  async flush(): Promise<void> {
    while (this.flushing || (this.buffer.length > 0 && !this.compacting)) {
      this.scheduleFlush();
      await this.flushing?.catch(() => undefined);
    }
  }

  /**
   * Replaces the file by the lines `snapshot()` returns, which must hold the
   * state of everything appended so far. No batch is written while this
   * runs, and everything after the snapshot is taken is synchronous, so a
   * line appended meanwhile is either in the snapshot or written after it.
   */
  async compact(snapshot: () => string[]): Promise<void> {
    this.compacting = true;
    try {
      while (this.flushing) await this.flushing.catch(() => undefined);
      const lines = snapshot();
      const settled = this.waiters;
      this.buffer = [];
      this.waiters = [];
      const temp = `${this.file}.compact`;
      const fd = openSync(temp, 'w');
      try {
        writeSync(fd, lines.length > 0 ? `${lines.join('\n')}\n` : '');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (this.fd !== null) closeSync(this.fd);
      renameSync(temp, this.file);
      syncDirectory(path.dirname(this.file));
      this.fd = openSync(this.file, 'a');
      this.bytes = fstatSync(this.fd).size;
      for (const w of settled) w.resolve();
    } finally {
      this.compacting = false;
      this.scheduleFlush();
    }
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private scheduleFlush(): void {
    if (this.flushing || this.compacting || this.buffer.length === 0) return;
    this.flushing = this.writeBatch().finally(() => {
      this.flushing = null;
      this.scheduleFlush();
    });
  }

  private async writeBatch(): Promise<void> {
    // Yield once so every append of this tick joins the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const lines = this.buffer;
    const waiters = this.waiters;
    this.buffer = [];
    this.waiters = [];
    const text = `${lines.join('\n')}\n`;
    try {
      const fd = this.fd;
      if (fd === null) throw new Error('journal is closed');
      await writeAsync(fd, text);
      await datasyncAsync(fd);
      this.bytes += Buffer.byteLength(text);
      this.failed = null;
      for (const w of waiters) w.resolve();
    } catch (err) {
      this.failed = err as Error;
      for (const w of waiters) w.reject(err);
    }
  }
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
