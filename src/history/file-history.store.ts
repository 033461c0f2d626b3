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
    if (this.records.has(record.gameId) || this.deleted.has(record.gameId)) return false;
    const json = JSON.stringify(record);
    await writeFileAtomic(this.fileOf(record.gameId), json);
    // The copy kept in memory is read back from the JSON just written: what a restart would load, and at 10,000
    // players parsing it costs a fraction of structuredClone on the record (which ran before every podium).
    return this.keep(record.gameId, () => JSON.parse(json) as HistoryRecord);
  }

  override async delete(gameId: string): Promise<boolean> {
    if (!this.records.has(gameId)) return false;
    // The marker goes first: a crash between the two leaves the record deleted at the next start, never revived.
    await writeFileAtomic(path.join(this.dir, `${gameId}${DELETED}`), '');
    await unlink(this.fileOf(gameId)).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    });
    return super.delete(gameId);
  }

  private fileOf(gameId: string): string {
    // Game ids are base64url: safe as file names.
    return path.join(this.dir, `${gameId}.json`);
  }
}
