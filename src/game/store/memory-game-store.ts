import { Injectable } from '@nestjs/common';
import type { GameState } from '../engine/index.js';
import { GameStore } from './game-store.js';

/** The embedded default: live games in this process's memory. */
@Injectable()
export class MemoryGameStore extends GameStore {
  private readonly games = new Map<string, GameState>();
  private readonly pins = new Map<string, string>();

  async insert(game: GameState): Promise<boolean> {
    if (this.pins.has(game.pin)) return false;
    this.pins.set(game.pin, game.id);
    this.games.set(game.id, game);
    return true;
  }

  async get(gameId: string): Promise<GameState | null> {
    return this.games.get(gameId) ?? null;
  }

  async findByPin(pin: string): Promise<GameState | null> {
    const id = this.pins.get(pin);
    return id ? (this.games.get(id) ?? null) : null;
  }

  async save(game: GameState): Promise<void> {
    this.games.set(game.id, game);
  }

  async remove(gameId: string): Promise<void> {
    const game = this.games.get(gameId);
    if (game && this.pins.get(game.pin) === gameId) this.pins.delete(game.pin);
    this.games.delete(gameId);
  }

  async liveGameIds(): Promise<string[]> {
    return [...this.games.keys()];
  }
}
