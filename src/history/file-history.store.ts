import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import writeFileAtomic from 'write-file-atomic';
import { AppConfig } from '../config/app-config.js';
import type { HistoryRecord } from './history-record.js';
import { MemoryHistoryStore } from './memory-history.store.js';

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
    for (const file of (await readdir(this.dir)).filter((f) => f.endsWith('.json'))) {
      try {
        const record = JSON.parse(await readFile(path.join(this.dir, file), 'utf8')) as HistoryRecord;
        this.records.set(record.gameId, record);
      } catch (err) {
        this.logger.error(`Skipping unreadable history file ${file}: ${(err as Error).message}`);
      }
    }
  }

  override async saveOnce(record: HistoryRecord): Promise<boolean> {
    if (this.records.has(record.gameId)) return false;
    await writeFileAtomic(this.fileOf(record.gameId), JSON.stringify(record));
    return super.saveOnce(record);
  }

  override async delete(gameId: string): Promise<boolean> {
    if (!this.records.has(gameId)) return false;
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
