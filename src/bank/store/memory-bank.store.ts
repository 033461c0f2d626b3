import type { OverlayEntry } from '../bank-overlay.js';
import { BankStore, type StoredDeck } from './bank-store.js';

/** Decks and overlays in this process; the file store persists on top of it. */
export class MemoryBankStore extends BankStore {
  protected readonly decks = new Map<string, StoredDeck>();
  protected readonly overlays = new Map<string, Map<string, OverlayEntry>>();

  async listDecks(): Promise<StoredDeck[]> {
    return [...this.decks.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  async getDeck(id: string): Promise<StoredDeck | null> {
    return this.decks.get(id) ?? null;
  }

  async saveDeck(deck: StoredDeck, mode: 'create' | 'replace'): Promise<boolean> {
    if (mode === 'create' && this.decks.has(deck.id)) return false;
    this.decks.set(deck.id, { ...deck });
    return true;
  }

  async overlay(deckId: string): Promise<Map<string, OverlayEntry>> {
    return new Map([...(this.overlays.get(deckId) ?? [])].map(([id, e]) => [id, structuredClone(e)]));
  }

  async putEntry(deckId: string, entry: OverlayEntry): Promise<void> {
    await this.putEntries(deckId, [entry]);
  }

  async putEntries(deckId: string, entries: OverlayEntry[]): Promise<void> {
    const overlay = this.overlays.get(deckId) ?? new Map<string, OverlayEntry>();
    for (const entry of entries) overlay.set(entry.questionId, structuredClone(entry));
    this.overlays.set(deckId, overlay);
  }

  async removeEntry(deckId: string, questionId: string): Promise<boolean> {
    return this.overlays.get(deckId)?.delete(questionId) ?? false;
  }
}
