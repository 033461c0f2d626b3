import type { Language } from './parser/outline.js';
import type { Question } from './question.js';

/** A generated question dropped for breaking a quality rule. */
export interface BankWarning {
  questionId: string;
  kind: string;
  problem: string;
}

export interface DeckSectionSummary {
  number: number;
  label: string;
  questionCount: number;
}

export interface Deck {
  id: string;
  title: string;
  language: Language;
  sections: DeckSectionSummary[];
  questions: Question[];
  warnings: BankWarning[];
}

export interface DeckSummary {
  id: string;
  title: string;
  language: Language;
  questionCount: number;
  sections: DeckSectionSummary[];
}

export function summarize(deck: Deck): DeckSummary {
  return { id: deck.id, title: deck.title, language: deck.language, questionCount: deck.questions.length, sections: deck.sections };
}
