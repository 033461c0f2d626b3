import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import slugify from 'slugify';
import { AppConfig } from '../config/app-config.js';
import { BankStore } from '../bank/store/bank-store.js';
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
 * plus those teachers upload, kept in the BankStore (DATA_DIR/decks, or Redis
 * so that every instance knows every upload). Built once, and again when the
 * stored Markdown changes (a re-upload, possibly through another instance).
 */
@Injectable()
export class DeckLibrary implements OnModuleInit {
  private readonly logger = new Logger(DeckLibrary.name);
  private readonly decks = new Map<string, Deck>();
  /** The Markdown each stored deck was built from, to notice a re-upload. */
  private readonly builtFrom = new Map<string, string>();

  constructor(
    private readonly config: AppConfig,
    private readonly store: BankStore,
  ) {}

  async onModuleInit(): Promise<void> {
    const files = await readdir(this.config.DECKS_DIR).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith('.md')).sort()) {
      const deck = await loadDeckFile(path.join(this.config.DECKS_DIR, file));
      this.decks.set(deck.id, deck);
      this.logger.log(`Deck "${deck.title}" (${deck.id}): ${deck.questions.length} questions`);
    }
    await this.refresh();
  }

  /**
   * Builds stored decks this instance has not built yet, or whose Markdown
   * changed since. With the store unreachable the decks already built are
   * still listed; the next refresh catches up.
   */
  async refresh(): Promise<void> {
    try {
      for (const stored of await this.store.listDecks()) this.adopt(stored.id, stored.markdown);
    } catch (err) {
      this.logger.warn(`Stored decks not refreshed: ${(err as Error).message}`);
    }
  }

  /** The deck as stored now: one uploaded or re-uploaded through another instance is built here. */
  async resolve(id: string): Promise<Deck> {
    const stored = await this.store.getDeck(id);
    if (stored) this.adopt(stored.id, stored.markdown);
    return this.get(id);
  }

  private adopt(id: string, markdown: string): Deck {
    const known = this.decks.get(id);
    if (known && this.builtFrom.get(id) === markdown) return known;
    const deck = buildDeck(id, markdown);
    this.decks.set(id, deck);
    this.builtFrom.set(id, markdown);
    return deck;
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
    if (this.decks.has(id) || (await this.store.getDeck(id))) throw new GameError('DECK_EXISTS', `A deck with id "${id}" already exists.`);
    const deck = buildDeck(id, markdown);
    if (deck.questions.length === 0) throw new GameError('DECK_UNUSABLE');
    if (!(await this.store.saveDeck({ id, markdown }, 'create'))) throw new GameError('DECK_EXISTS', `A deck with id "${id}" already exists.`);
    this.decks.set(id, deck);
    this.builtFrom.set(id, markdown);
    return { deck: summarize(deck), warnings: deck.warnings };
  }

  /**
   * A new version of an uploaded deck: questions are generated again; ids of
   * unchanged questions stay. Decks shipped in DECKS_DIR are changed as files.
   */
  async replace(id: string, markdown: string): Promise<AddedDeck> {
    if (!(await this.store.getDeck(id))) throw new GameError('DECK_NOT_FOUND', `No uploaded deck with id "${id}" (decks in DECKS_DIR are changed as files).`);
    const deck = buildDeck(id, markdown);
    if (deck.questions.length === 0) throw new GameError('DECK_UNUSABLE');
    await this.store.saveDeck({ id, markdown }, 'replace');
    this.decks.set(id, deck);
    this.builtFrom.set(id, markdown);
    return { deck: summarize(deck), warnings: deck.warnings };
  }
}
