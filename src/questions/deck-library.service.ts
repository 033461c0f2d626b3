import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import writeFileAtomic from 'write-file-atomic';
import { KeyedSerialQueue } from '../common/keyed-serial-queue.js';
import { AppConfig } from '../config/app-config.js';
import { GameError } from '../game/engine/game-error.js';
import { DeckBuilder } from './build/deck-builder.js';
import { DeckCache } from './build/deck-cache.js';
import { curatedFileOf, deckIdOf } from './deck-file.js';
import { summarize, type BankWarning, type Deck, type DeckSummary } from './deck.js';
import { loadCuratedBank } from './curated-bank.js';

export interface AddedDeck {
  deck: DeckSummary;
  warnings: BankWarning[];
  /** True when an earlier deck with this id was replaced (`replace: true`). */
  replaced: boolean;
}

/**
 * The decks in DECKS_DIR ("<id>.md", with an optional "<id>.curated.json"),
 * plus those teachers upload, kept in DATA_DIR/decks. Decks are built off
 * the event loop (DeckBuilder) and cached by content (DeckCache), so
 * neither an upload nor a restart stalls running games. Uploads of one id
 * are applied one after another: the first creates, the next ones are
 * refused (or replace, when asked to).
 */
@Injectable()
export class DeckLibrary implements OnModuleInit {
  private readonly logger = new Logger(DeckLibrary.name);
  private readonly decks = new Map<string, Deck>();
  private readonly builder = new DeckBuilder();
  private readonly cache: DeckCache;
  private readonly uploads = new KeyedSerialQueue();

  constructor(private readonly config: AppConfig) {
    this.cache = new DeckCache(path.join(config.DATA_DIR, 'deck-cache'));
  }

  private get uploadDir(): string {
    return path.join(this.config.DATA_DIR, 'decks');
  }

  async onModuleInit(): Promise<void> {
    for (const dir of [this.config.DECKS_DIR, this.uploadDir]) {
      const files = await readdir(dir).catch(() => [] as string[]);
      for (const file of files.filter((f) => f.endsWith('.md')).sort()) {
        const deck = await this.load(path.join(dir, file));
        this.decks.set(deck.id, deck);
        this.logger.log(`Deck "${deck.title}" (${deck.id}): ${deck.questions.length} questions`);
      }
    }
  }

  list(): DeckSummary[] {
    return [...this.decks.values()].map(summarize);
  }

  get(id: string): Deck {
    const deck = this.decks.get(id);
    if (!deck) throw new GameError('DECK_NOT_FOUND', `No deck with id "${id}".`);
    return deck;
  }

  /** Builds an uploaded deck, refuses one that yields nothing, and keeps it for later runs. */
  async add(markdown: string, requestedId?: string, replace = false): Promise<AddedDeck> {
    if (requestedId && this.decks.has(requestedId) && !replace) throw new GameError('DECK_EXISTS', `A deck with id "${requestedId}" already exists.`);
    const deck = await this.builder.build({ id: requestedId, markdown, curated: [] });
    if (deck.questions.length === 0) throw new GameError('DECK_UNUSABLE');
    return this.uploads.run(deck.id, async () => {
      const replaced = this.decks.has(deck.id);
      if (replaced && !replace) throw new GameError('DECK_EXISTS', `A deck with id "${deck.id}" already exists.`);
      await mkdir(this.uploadDir, { recursive: true });
      await writeFileAtomic(path.join(this.uploadDir, `${deck.id}.md`), markdown);
      await this.cache.set(deck, markdown, []);
      this.decks.set(deck.id, deck);
      return { deck: summarize(deck), warnings: deck.warnings, replaced };
    });
  }

  /** A deck file: from the cache when its content was built before, else built (off the event loop) and cached. */
  private async load(file: string): Promise<Deck> {
    const id = deckIdOf(file);
    const markdown = await readFile(file, 'utf8');
    const curated = await loadCuratedBank(curatedFileOf(file));
    const cached = await this.cache.get(id, markdown, curated);
    if (cached) return cached;
    const deck = await this.builder.build({ id, markdown, curated });
    await this.cache.set(deck, markdown, curated);
    return deck;
  }
}
