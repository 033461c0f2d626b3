import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import writeFileAtomic from 'write-file-atomic';
import { KeyedSerialQueue } from '../../common/keyed-serial-queue.js';
import { GameError } from '../../common/game-error.js';
import type { OverlayEntry } from '../bank-overlay.js';
import { MemoryBankStore } from './memory-bank.store.js';
import type { StoredDeck } from './bank-store.js';

/**
 * The embedded default. Decks are DATA_DIR/decks/<id>.md (as uploads always
 * were); each deck's overlay is DATA_DIR/bank/<deckId>.json. Every write goes
 * to a temporary file renamed into place, one at a time per file, so a crash
 * never leaves half a file and two edits never overwrite each other.
 */
export class FileBankStore extends MemoryBankStore {
  private readonly logger = new Logger(FileBankStore.name);
  private readonly writes = new KeyedSerialQueue();
  private readonly deckDir: string;
  private readonly overlayDir: string;

  constructor(dataDir: string) {
    super();
    this.deckDir = path.join(dataDir, 'decks');
    this.overlayDir = path.join(dataDir, 'bank');
  }

  /** Reads everything once; afterwards this process is the only writer of DATA_DIR. */
  async load(): Promise<void> {
    await mkdir(this.deckDir, { recursive: true });
    await mkdir(this.overlayDir, { recursive: true });
    for (const file of (await readdir(this.deckDir)).filter((f) => f.endsWith('.md'))) {
      const id = file.slice(0, -3);
      this.decks.set(id, { id, markdown: await readFile(path.join(this.deckDir, file), 'utf8') });
    }
    for (const file of (await readdir(this.overlayDir)).filter((f) => f.endsWith('.json'))) {
      try {
        const entries = JSON.parse(await readFile(path.join(this.overlayDir, file), 'utf8')) as OverlayEntry[];
        this.overlays.set(file.slice(0, -5), new Map(entries.map((e) => [e.questionId, e])));
      } catch (err) {
        // Never overwrite what cannot be read: the teacher's work is in there.
        this.logger.error(`Unreadable overlay ${file}: ${(err as Error).message}`);
        throw err;
      }
    }
  }

  override async saveDeck(deck: StoredDeck, mode: 'create' | 'replace'): Promise<boolean> {
    // The check runs in the deck's write turn: of two concurrent creates, one wins.
    return this.writes.run(`deck:${deck.id}`, async () => {
      if (mode === 'create' && this.decks.has(deck.id)) return false;
      await this.written(`deck ${deck.id}`, writeFileAtomic(path.join(this.deckDir, `${deck.id}.md`), deck.markdown));
      return super.saveDeck(deck, 'replace');
    });
  }

  override async putEntry(deckId: string, entry: OverlayEntry): Promise<void> {
    await this.putEntries(deckId, [entry]);
  }

  override async putEntries(deckId: string, entries: OverlayEntry[]): Promise<void> {
    await this.changeOverlay(deckId, (overlay) => {
      for (const entry of entries) overlay.set(entry.questionId, structuredClone(entry));
      return true;
    });
  }

  override async removeEntry(deckId: string, questionId: string): Promise<boolean> {
    return this.changeOverlay(deckId, (overlay) => overlay.delete(questionId));
  }

  /**
   * The whole overlay of a deck with the change applied is written first and
   * kept in memory only once the file holds it: a failed write (a full or
   * read-only disk) changes nothing, so the bank never shows what a restart
   * would lose, and an import is never half stored.
   */
  private changeOverlay(deckId: string, change: (overlay: Map<string, OverlayEntry>) => boolean): Promise<boolean> {
    return this.writes.run(`overlay:${deckId}`, async () => {
      const next = new Map(this.overlays.get(deckId) ?? []);
      if (!change(next)) return false;
      await this.written(`overlay of ${deckId}`, writeFileAtomic(path.join(this.overlayDir, `${deckId}.json`), JSON.stringify([...next.values()])));
      this.overlays.set(deckId, next);
      return true;
    });
  }

  /** A write that failed is the retryable TRY_AGAIN (503) with the reason logged, never a 500. */
  private async written(what: string, write: Promise<void>): Promise<void> {
    try {
      await write;
    } catch (err) {
      this.logger.error(`Could not save the ${what}: ${(err as Error).message}`);
      throw new GameError('TRY_AGAIN', `The bank could not be saved: ${(err as NodeJS.ErrnoException).code ?? 'write failed'}.`);
    }
  }
}
