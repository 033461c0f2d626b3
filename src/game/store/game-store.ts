import type { GameState } from '../engine/index.js';

/**
 * Where live games are kept. The runner is the only caller and serializes
 * the operations of one game, so adapters need no locking of their own.
 */
export abstract class GameStore {
  /** Stores a new game; false if its PIN is already used by a live game. */
  abstract insert(game: GameState): Promise<boolean>;
  abstract get(gameId: string): Promise<GameState | null>;
  abstract findByPin(pin: string): Promise<GameState | null>;
  abstract save(game: GameState): Promise<void>;
  /** Forgets the game and frees its PIN. */
  abstract remove(gameId: string): Promise<void>;
  abstract liveGameIds(): Promise<string[]>;
}
