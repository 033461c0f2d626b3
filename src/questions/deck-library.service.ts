import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import slugify from 'slugify';
import writeFileAtomic from 'write-file-atomic';
import { AppConfig } from '../config/app-config.js';
import { GameError } from '../game/engine/game-error.js';
import { summarize, type Deck, type DeckSummary } from './deck.js';
import { buildDeck, loadDeckFile } from './deck-file.js';
import { parseDeck } from './parser/deck-parser.js';
import type { BankWarning } from './deck.js';

export interface AddedDeck {
  deck: DeckSummary;
  warnings: BankWarning[];
}

/**
 * The decks in DECKS_DIR ("<id>.md", with an optional "<id>.curated.json"),
 * plus those teachers upload, kept in DATA_DIR/decks. Built once at start.
 */
@Injectable()
export class DeckLibrary implements OnModuleInit {
  private readonly logger = new Logger(DeckLibrary.name);
  private readonly decks = new Map<string, Deck>();

  constructor(private readonly config: AppConfig) {}

  private get uploadDir(): string {
    return path.join(this.config.DATA_DIR, 'decks');
  }

  async onModuleInit(): Promise<void> {
    for (const dir of [this.config.DECKS_DIR, this.uploadDir]) {
      const files = await readdir(dir).catch(() => [] as string[]);
      for (const file of files.filter((f) => f.endsWith('.md')).sort()) {
        const deck = await loadDeckFile(path.join(dir, file));
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
  async add(markdown: string, requestedId?: string): Promise<AddedDeck> {
    // The id (and so every question id) comes from the title: parse first, generate once.
    const id = requestedId ?? (slugify(parseDeck(markdown).title, { lower: true, strict: true }).slice(0, 64) || 'deck');
    if (this.decks.has(id)) throw new GameError('DECK_EXISTS', `A deck with id "${id}" already exists.`);
    const deck = buildDeck(id, markdown);
    if (deck.questions.length === 0) throw new GameError('DECK_UNUSABLE');
    await mkdir(this.uploadDir, { recursive: true });
    await writeFileAtomic(path.join(this.uploadDir, `${id}.md`), markdown);
    this.decks.set(id, deck);
    return { deck: summarize(deck), warnings: deck.warnings };
  }
}
