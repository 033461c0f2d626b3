import { GameError } from '../../common/game-error.js';
import { type GameState } from '../engine/index.js';
import type { GameStore } from '../store/game-store.js';
import type { StoreGuard } from './store-guard.js';

/**
 * The last state this instance saw of each live game (loaded or committed
 * here). Answers are scored against it without a load each time; whatever
 * may have made it wrong (a refused commit, another instance's commit, a
 * stale answer) forgets it, and the next use loads it again.
 */
export class KnownGames {
  private readonly games = new Map<string, GameState>();

  constructor(
    private readonly store: GameStore,
    private readonly guard: StoreGuard,
  ) {}

  has(gameId: string): boolean {
    return this.games.has(gameId);
  }

  /** The known state, if there is one (no load). */
  peek(gameId: string): GameState | undefined {
    return this.games.get(gameId);
  }

  /** The known state, or (`refresh`, or none known) a fresh load that becomes the known state. */
  async current(gameId: string, refresh = false): Promise<GameState> {
    const known = refresh ? undefined : this.games.get(gameId);
    if (known) return known;
    const loaded = await this.guard(() => this.store.load(gameId));
    if (!loaded) throw new GameError('GAME_NOT_FOUND');
    this.games.set(gameId, loaded.game);
    return loaded.game;
  }

  /** A state just committed; an ended game takes no more answers, so nothing is kept for it. */
  committed(game: GameState): void {
    if (game.phase === 'ended') this.games.delete(game.id);
    else this.games.set(game.id, game);
  }

  remember(game: GameState): void {
    this.games.set(game.id, game);
  }

  forget(gameId: string): void {
    this.games.delete(gameId);
  }

  all(): GameState[] {
    return [...this.games.values()];
  }
}
