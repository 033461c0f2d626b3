import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { KeyedSerialQueue } from '../common/keyed-serial-queue.js';
import { AppConfig } from '../config/app-config.js';
import { BankStore } from '../bank/store/bank-store.js';
import { GameError } from '../common/game-error.js';
import { DeckBuilder } from './build/deck-builder.js';
import { DeckCache } from './build/deck-cache.js';
import { curatedFileOf, deckIdOf } from './deck-file.js';
import { summarize, type BankWarning, type Deck, type DeckSummary } from './deck.js';
import { loadCuratedBank } from './curated-bank.js';
import type { Question } from './question.js';

export interface AddedDeck {
  deck: DeckSummary;
  warnings: BankWarning[];
  /** True when an earlier deck with this id was replaced. */
  replaced: boolean;
}

/**
 * The decks in DECKS_DIR ("<id>.md", with an optional "<id>.curated.json"),
 * plus those teachers upload, kept in the BankStore (DATA_DIR/decks, or Redis
 * so that every instance knows every upload). Decks are built off the event
 * loop (DeckBuilder) and cached by content (DeckCache), so neither an upload
 * nor a restart stalls running games; a stored deck is built again when its
 * Markdown changes (a re-upload, possibly through another instance). Uploads
 * of one id are applied one after another: the first creates, the next ones
 * are refused (or replace, when asked to).
 */
@Injectable()
export class DeckLibrary implements OnModuleInit {
  private readonly logger = new Logger(DeckLibrary.name);
  private readonly decks = new Map<string, Deck>();
  /** The Markdown each stored deck was built from, to notice a re-upload. */
  private readonly builtFrom = new Map<string, string>();
  /** Ids of the decks shipped in DECKS_DIR: changed as files, never through an upload. */
  private readonly shipped = new Set<string>();
  private readonly builder = new DeckBuilder();
  private readonly cache: DeckCache;
  private readonly uploads = new KeyedSerialQueue();

  constructor(
    private readonly config: AppConfig,
    private readonly store: BankStore,
  ) {
    this.cache = new DeckCache(path.join(config.DATA_DIR, 'deck-cache'));
  }

  async onModuleInit(): Promise<void> {
    const files = await readdir(this.config.DECKS_DIR).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith('.md')).sort()) {
      const deck = await this.loadShipped(path.join(this.config.DECKS_DIR, file));
      this.decks.set(deck.id, deck);
      this.shipped.add(deck.id);
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
      for (const stored of await this.store.listDecks()) await this.adopt(stored.id, stored.markdown);
    } catch (err) {
      this.logger.warn(`Stored decks not refreshed: ${(err as Error).message}`);
    }
  }

  /** The deck as stored now: one uploaded or re-uploaded through another instance is built here. */
  async resolve(id: string): Promise<Deck> {
    const stored = await this.store.getDeck(id);
    if (stored) await this.adopt(stored.id, stored.markdown);
    return this.get(id);
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
    if (requestedId && !replace && this.decks.has(requestedId)) throw exists(requestedId);
    // The id (and so every question id) comes from the title when none is asked for: the build derives it.
    const deck = await this.builder.build({ id: requestedId, markdown, curated: [] });
    if (deck.questions.length === 0) throw new GameError('DECK_UNUSABLE');
    return this.uploads.run(deck.id, async () => {
      if (this.shipped.has(deck.id)) throw exists(deck.id, ' (decks in DECKS_DIR are changed as files)');
      const replaced = this.decks.has(deck.id) || (await this.store.getDeck(deck.id)) !== null;
      if (replaced && !replace) throw exists(deck.id);
      if (!(await this.store.saveDeck({ id: deck.id, markdown }, replace ? 'replace' : 'create'))) throw exists(deck.id);
      await this.keep(deck, markdown);
      return { deck: summarize(deck), warnings: deck.warnings, replaced };
    });
  }

  /**
   * A new version of an uploaded deck: questions are generated again; ids of
   * unchanged questions stay. Decks shipped in DECKS_DIR are changed as files.
   */
  async replace(id: string, markdown: string): Promise<AddedDeck> {
    if (this.shipped.has(id) || !(await this.store.getDeck(id))) {
      throw new GameError('DECK_NOT_FOUND', `No uploaded deck with id "${id}" (decks in DECKS_DIR are changed as files).`);
    }
    return this.add(markdown, id, true);
  }

  private async adopt(id: string, markdown: string): Promise<Deck> {
    const known = this.decks.get(id);
    if (known && this.builtFrom.get(id) === markdown) return known;
    const deck = await this.build(id, markdown, []);
    this.decks.set(id, deck);
    this.builtFrom.set(id, markdown);
    return deck;
  }

  private async keep(deck: Deck, markdown: string): Promise<void> {
    await this.cache.set(deck, markdown, []);
    this.decks.set(deck.id, deck);
    this.builtFrom.set(deck.id, markdown);
  }

  /** A shipped deck file with its curated questions. */
  private async loadShipped(file: string): Promise<Deck> {
    const markdown = await readFile(file, 'utf8');
    return this.build(deckIdOf(file), markdown, await loadCuratedBank(curatedFileOf(file)));
  }

  /** From the cache when this content was built before, else built (off the event loop) and cached. */
  private async build(id: string, markdown: string, curated: Question[]): Promise<Deck> {
    const cached = await this.cache.get(id, markdown, curated);
    if (cached) return cached;
    const deck = await this.builder.build({ id, markdown, curated });
    await this.cache.set(deck, markdown, curated);
    return deck;
  }
}

function exists(id: string, why = ''): GameError {
  return new GameError('DECK_EXISTS', `A deck with id "${id}" already exists${why}.`);
}
