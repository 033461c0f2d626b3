import { Logger } from '@nestjs/common';
import type { Cancel, Clock } from '../common/clock/clock.js';
import { GameError } from './engine/index.js';

/** After a failed timer (store unreachable), try again this soon. */
export const TIMER_RETRY_MS = 1000;

/**
 * One timer per game, at the moment the engine says the game next needs
 * attention. When it fires, `due` applies the engine's time step; a
 * retryable failure (Redis restarting) tries again shortly, so a deadline is
 * never skipped, only late.
 */
export class GameTimers {
  private readonly logger = new Logger(GameTimers.name);
  private readonly timers = new Map<string, { at: number; cancel: Cancel }>();

  constructor(
    private readonly clock: Clock,
    private readonly due: (gameId: string) => Promise<void>,
  ) {}

  /** Sets the game's timer to `at` (null: no timer). */
  set(gameId: string, at: number | null): void {
    if (this.timers.get(gameId)?.at === at) return;
    this.cancel(gameId);
    if (at !== null) this.schedule(gameId, at);
  }

  cancel(gameId: string): void {
    this.timers.get(gameId)?.cancel();
    this.timers.delete(gameId);
  }

  cancelAll(): void {
    for (const id of [...this.timers.keys()]) this.cancel(id);
  }

  private schedule(gameId: string, at: number): void {
    const cancel = this.clock.scheduleAt(at, () => {
      this.timers.delete(gameId);
      this.due(gameId).catch((err: unknown) => {
        if (err instanceof GameError && err.code === 'TRY_AGAIN') this.schedule(gameId, this.clock.now() + TIMER_RETRY_MS);
        else if (!(err instanceof GameError && err.code === 'GAME_NOT_FOUND')) this.logger.warn(`timer of game ${gameId}: ${String(err)}`);
      });
    });
    this.timers.set(gameId, { at, cancel });
  }
}
