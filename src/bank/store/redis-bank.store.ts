import type { Redis } from 'ioredis';
import { GameError } from '../../common/game-error.js';
import type { OverlayEntry } from '../bank-overlay.js';
import { BankStore, type StoredDeck } from './bank-store.js';

/**
 * Decks and overlays in Redis, so every instance serves the same decks and
 * the same bank. One hash of decks (id → Markdown) and one hash per deck's
 * overlay (question id → entry JSON): an edit is one HSET, never a
 * read-modify-write of the whole overlay. Nothing here expires.
 */
const keys = {
  decks: '{bank}:decks',
  overlay: (deckId: string) => `{bank}:overlay:${deckId}`,
};

/** Redis unreachable or slow: the caller gets the retryable TRY_AGAIN (503), never a 500. */
async function retryable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    throw new GameError('TRY_AGAIN', `The bank store could not be reached: ${(err as Error).message}`);
  }
}

export class RedisBankStore extends BankStore {
  constructor(private readonly redis: Redis) {
    super();
  }

  async listDecks(): Promise<StoredDeck[]> {
    const all = await retryable(this.redis.hgetall(keys.decks));
    return Object.entries(all)
      .map(([id, markdown]) => ({ id, markdown }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  async getDeck(id: string): Promise<StoredDeck | null> {
    const markdown = await retryable(this.redis.hget(keys.decks, id));
    return markdown === null ? null : { id, markdown };
  }

  async saveDeck(deck: StoredDeck, mode: 'create' | 'replace'): Promise<boolean> {
    if (mode === 'replace') {
      await retryable(this.redis.hset(keys.decks, deck.id, deck.markdown));
      return true;
    }
    return (await retryable(this.redis.hsetnx(keys.decks, deck.id, deck.markdown))) === 1;
  }

  async overlay(deckId: string): Promise<Map<string, OverlayEntry>> {
    const all = await retryable(this.redis.hgetall(keys.overlay(deckId)));
    return new Map(Object.entries(all).map(([id, json]) => [id, JSON.parse(json) as OverlayEntry]));
  }

  async putEntry(deckId: string, entry: OverlayEntry): Promise<void> {
    await retryable(this.redis.hset(keys.overlay(deckId), entry.questionId, JSON.stringify(entry)));
  }

  /** One HSET of every field: Redis applies it whole or not at all. */
  async putEntries(deckId: string, entries: OverlayEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await retryable(this.redis.hset(keys.overlay(deckId), ...entries.flatMap((e) => [e.questionId, JSON.stringify(e)])));
  }

  async removeEntry(deckId: string, questionId: string): Promise<boolean> {
    return (await retryable(this.redis.hdel(keys.overlay(deckId), questionId))) === 1;
  }
}
