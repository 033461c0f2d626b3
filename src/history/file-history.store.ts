import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import writeFileAtomic from 'write-file-atomic';
import { AppConfig } from '../config/app-config.js';
import type { HistoryRecord } from './history-record.js';
import { MemoryHistoryStore } from './memory-history.store.js';

/** An empty file `<gameId>.deleted` remembers a deleted game, so it is never written again. */
const DELETED = '.deleted';

/**
 * The embedded default: one JSON file per finished game in DATA_DIR/history,
 * written to a temporary file and renamed into place, so a crash never leaves
 * half a record. Read into memory at start; queries run there.
 */
@Injectable()
export class FileHistoryStore extends MemoryHistoryStore implements OnModuleInit {
  private readonly logger = new Logger(FileHistoryStore.name);
  private readonly dir: string;
  /**
   * Records this process wrote, held as the JSON written and parsed at the
   * first read: a game's record is saved before its podium is announced, and
   * at 10,000 players copying it into memory there (a structuredClone, or
   * parsing it back) held the podium up by a tenth of a second or more. What
   * is parsed is what a restart would load.
   */
  private readonly unread = new Map<string, string>();

  constructor(config: AppConfig) {
    super();
    this.dir = path.join(config.DATA_DIR, 'history');
  }

  async onModuleInit(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const files = await readdir(this.dir);
    for (const file of files.filter((f) => f.endsWith(DELETED))) this.deleted.add(file.slice(0, -DELETED.length));
    for (const file of files.filter((f) => f.endsWith('.json'))) {
      try {
        const record = JSON.parse(await readFile(path.join(this.dir, file), 'utf8')) as HistoryRecord;
        if (this.deleted.has(record.gameId)) continue;
        this.records.set(record.gameId, record);
      } catch (err) {
        this.logger.error(`Skipping unreadable history file ${file}: ${(err as Error).message}`);
      }
    }
  }

  override async saveOnce(record: HistoryRecord): Promise<boolean> {
    if (this.has(record.gameId)) return false;
    const json = JSON.stringify(record);
    await writeFileAtomic(this.fileOf(record.gameId), json);
    // A concurrent save of the same game wrote the same file and kept it first.
    if (this.has(record.gameId)) return false;
    this.unread.set(record.gameId, json);
    return true;
  }

  override async delete(gameId: string): Promise<boolean> {
    if (!this.stored().has(gameId)) return false;
    // The marker goes first: a crash between the two leaves the record deleted at the next start, never revived.
    await writeFileAtomic(path.join(this.dir, `${gameId}${DELETED}`), '');
    await unlink(this.fileOf(gameId)).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    });
    return super.delete(gameId);
  }

  private has(gameId: string): boolean {
    return this.records.has(gameId) || this.unread.has(gameId) || this.deleted.has(gameId);
  }

  /** The records written since the last read are parsed into the in-memory map first. */
  protected override stored(): Map<string, HistoryRecord> {
    for (const [gameId, json] of this.unread) this.records.set(gameId, JSON.parse(json) as HistoryRecord);
    this.unread.clear();
    return this.records;
  }

  private fileOf(gameId: string): string {
    // Game ids are base64url: safe as file names.
    return path.join(this.dir, `${gameId}.json`);
  }
}
