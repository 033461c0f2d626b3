import type { OverlayEntry } from '../bank-overlay.js';

/** A deck a teacher uploaded: its Markdown, from which the questions are generated again. */
export interface StoredDeck {
  id: string;
  markdown: string;
}

/**
 * Uploaded decks and the teachers' overlays, one place for every instance:
 * files in DATA_DIR (embedded) or Redis (several instances serve the same
 * decks and the same bank). Adapters pass bank-store.contract.spec.ts.
 */
export abstract class BankStore {
  abstract listDecks(): Promise<StoredDeck[]>;
  abstract getDeck(id: string): Promise<StoredDeck | null>;
  /** `create` keeps an existing deck and answers false; `replace` overwrites (a re-upload). */
  abstract saveDeck(deck: StoredDeck, mode: 'create' | 'replace'): Promise<boolean>;
  /** Every entry of a deck's overlay, by question id. */
  abstract overlay(deckId: string): Promise<Map<string, OverlayEntry>>;
  abstract putEntry(deckId: string, entry: OverlayEntry): Promise<void>;
  /** Several entries (an import): all of them are stored, or, if the store fails, none. */
  abstract putEntries(deckId: string, entries: OverlayEntry[]): Promise<void>;
  /** True if there was such an entry. */
  abstract removeEntry(deckId: string, questionId: string): Promise<boolean>;
}
