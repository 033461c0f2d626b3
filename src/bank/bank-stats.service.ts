import { Injectable } from '@nestjs/common';
import { HistoryStore } from '../history/history-store.js';
import { analyzeItems, type ItemReference, type ItemStats } from './analysis/item-analysis.js';
import type { BankQuestion } from './bank-overlay.js';
import { BankService } from './bank.service.js';

export interface DeckStats {
  deckId: string;
  games: number;
  items: ItemStats[];
}

export function referencesOf(questions: readonly BankQuestion[]): Map<string, ItemReference> {
  return new Map(questions.map((q) => [q.id, { type: q.type, options: q.options, correct: q.correct, changedAt: q.changedAt }]));
}

/** Play statistics of a deck's bank, from every finished game of the deck in history. */
@Injectable()
export class BankStatsService {
  constructor(
    private readonly bank: BankService,
    private readonly history: HistoryStore,
  ) {}

  async deckStats(deckId: string): Promise<DeckStats> {
    const bank = await this.bank.bank(deckId);
    const records = await this.history.recordsOfDeck(bank.deck.id);
    const references = referencesOf(bank.questions);
    const items = analyzeItems(records, references).filter((i) => references.has(i.questionId));
    return { deckId: bank.deck.id, games: records.length, items };
  }
}
