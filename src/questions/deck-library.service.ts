import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { GameError } from '../game/engine/game-error.js';
import { summarize, type Deck, type DeckSummary } from './deck.js';
import { loadDeckFile } from './deck-file.js';

/** The decks in DECKS_DIR ("<id>.md", with an optional "<id>.curated.json"), built once at start. */
@Injectable()
export class DeckLibrary implements OnModuleInit {
  private readonly logger = new Logger(DeckLibrary.name);
  private readonly decks = new Map<string, Deck>();

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const dir = this.config.DECKS_DIR;
    const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
    for (const file of files) {
      const deck = await loadDeckFile(path.join(dir, file));
      this.decks.set(deck.id, deck);
      this.logger.log(`Deck "${deck.title}" (${deck.id}): ${deck.questions.length} questions`);
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
}
