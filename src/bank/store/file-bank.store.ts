import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import writeFileAtomic from 'write-file-atomic';
import { KeyedSerialQueue } from '../../common/keyed-serial-queue.js';
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
      await writeFileAtomic(path.join(this.deckDir, `${deck.id}.md`), deck.markdown);
      return super.saveDeck(deck, 'replace');
    });
  }

  override async putEntry(deckId: string, entry: OverlayEntry): Promise<void> {
    await super.putEntry(deckId, entry);
    await this.persist(deckId);
  }

  override async removeEntry(deckId: string, questionId: string): Promise<boolean> {
    const removed = await super.removeEntry(deckId, questionId);
    if (removed) await this.persist(deckId);
    return removed;
  }

  /** The whole overlay of a deck, as it is when this write's turn comes. */
  private persist(deckId: string): Promise<void> {
    return this.writes.run(`overlay:${deckId}`, () =>
      writeFileAtomic(path.join(this.overlayDir, `${deckId}.json`), JSON.stringify([...(this.overlays.get(deckId)?.values() ?? [])])),
    );
  }
}
