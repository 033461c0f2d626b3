import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { GameError } from '../game/engine/game-error.js';
import { loadCuratedBank } from './curated-bank.js';
import { summarize, type Deck, type DeckSummary } from './deck.js';
import { parseDeck } from './parser/deck-parser.js';
import { generateBank } from './question-bank.js';
import type { Question } from './question.js';

/** Builds a deck: parse, generate, add the curated questions, count per section. */
export function buildDeck(id: string, markdown: string, curated: Question[] = []): Deck {
  const outline = parseDeck(markdown);
  const bank = generateBank(id, outline);
  const questions = [...bank.questions, ...curated];
  const sections = outline.sections.map((s) => ({
    number: s.number,
    label: s.label,
    questionCount: questions.filter((q) => q.source.section === s.label).length,
  }));
  return { id, title: outline.title, language: outline.language, sections, questions, warnings: bank.warnings };
}

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
      const id = file.replace(/\.md$/, '');
      const markdown = await readFile(path.join(dir, file), 'utf8');
      const curated = await loadCuratedBank(path.join(dir, `${id}.curated.json`));
      const deck = buildDeck(id, markdown, curated);
      this.decks.set(id, deck);
      this.logger.log(`Deck "${deck.title}" (${id}): ${deck.questions.length} questions`);
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
