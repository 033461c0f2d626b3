import { Logger } from '@nestjs/common';
import type { Cancel, Clock } from '../common/clock/clock.js';
import { FaultLog } from '../common/fault-log.js';
import { GameError } from '../common/game-error.js';

/** After a failed timer (store unreachable), try again this soon. */
export const TIMER_RETRY_MS = 1000;
/** Repeated unexpected failures back off up to this, but never stop retrying. */
export const TIMER_RETRY_MAX_MS = 30_000;

/**
 * One timer per game, at the moment the engine says the game next needs
 * attention. When it fires, `due` applies the engine's time step; any
 * failure but a game that is gone tries again (shortly after a retryable one
 * such as Redis restarting, backing off after unexpected ones), so a deadline
 * is never skipped, only late.
 */
export class GameTimers {
  private readonly faults = new FaultLog(new Logger(GameTimers.name));
  private readonly timers = new Map<string, { at: number; cancel: Cancel }>();
  private stopped = false;

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

  /** At shutdown: no timer fires, and no failure in flight schedules a retry. */
  stop(): void {
    this.stopped = true;
    this.cancelAll();
  }

  private schedule(gameId: string, at: number, failures = 0): void {
    if (this.stopped) return;
    const cancel = this.clock.scheduleAt(at, () => {
      this.timers.delete(gameId);
      this.due(gameId).catch((err: unknown) => {
        if (err instanceof GameError && err.code === 'GAME_NOT_FOUND') return;
        // A newer timer set meanwhile (the game changed) wins over the retry.
        if (this.timers.has(gameId)) return;
        const retryable = err instanceof GameError && err.code === 'TRY_AGAIN';
        if (!retryable) this.faults.report(`timer of game ${gameId}`, err);
        const delay = retryable ? TIMER_RETRY_MS : Math.min(TIMER_RETRY_MS * 2 ** failures, TIMER_RETRY_MAX_MS);
        this.schedule(gameId, this.clock.now() + delay, retryable ? 0 : failures + 1);
      });
    });
    this.timers.set(gameId, { at, cancel });
  }
}
