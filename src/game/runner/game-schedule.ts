import type { Logger } from '@nestjs/common';
import type { Cancel, Clock } from '../../common/clock/clock.js';
import type { GameCoordinator } from '../coordination/game-coordinator.js';
import { GameError } from '../../common/game-error.js';
import { nextTimerAt, type GameState } from '../engine/index.js';
import { GameTimers, TIMER_RETRY_MS } from '../game-timers.js';
import type { GameStore } from '../store/game-store.js';
import type { KnownGames } from './known-games.js';
import { describeFailure } from './store-guard.js';

export interface ScheduleDeps {
  clock: Clock;
  coordinator: GameCoordinator;
  store: GameStore;
  known: KnownGames;
  logger: Pick<Logger, 'warn'>;
  /** Applies what fell due (the engine's time step, in a transaction); GameTimers retries it if it fails. */
  due: (gameId: string) => Promise<void>;
}

/**
 * Each game's one timer, on the instance that drives it, at the engine's
 * next deadline. A timer that cannot be set from fresh state (the store
 * refused the load) fires soon instead: its transaction loads the game and
 * sets the real deadline, and GameTimers retries it until the store answers.
 */
export class GameSchedule {
  private readonly timers: GameTimers;
  private retryStart: Cancel | null = null;
  private stopped = false;

  constructor(private readonly deps: ScheduleDeps) {
    this.timers = new GameTimers(deps.clock, deps.due);
  }

  reschedule(game: GameState): void {
    this.timers.set(game.id, this.deps.coordinator.drives(game.id) ? nextTimerAt(game) : null);
  }

  /** The game changed elsewhere, or this instance just adopted it: its timer again, from a fresh load. */
  async refresh(gameId: string): Promise<void> {
    try {
      this.reschedule(await this.deps.known.current(gameId, true));
    } catch (err) {
      if (err instanceof GameError && err.code === 'GAME_NOT_FOUND') {
        this.timers.cancel(gameId);
        return;
      }
      this.deps.logger.warn(`Timer of game ${gameId} not refreshed (${describeFailure(err)}); trying again through the timer.`);
      if (this.deps.coordinator.drives(gameId)) this.timers.set(gameId, this.deps.clock.now() + TIMER_RETRY_MS);
    }
  }

  /** Games the store already holds at start (the embedded journal's recovered games) need their timers again. */
  async restoreAll(): Promise<void> {
    let ids: string[];
    try {
      ids = await this.deps.store.liveGameIds();
    } catch (err) {
      if (this.stopped) return;
      this.deps.logger.warn(`Live games not listed at start (${describeFailure(err)}); trying again in ${TIMER_RETRY_MS} ms.`);
      this.retryStart = this.deps.clock.scheduleAt(this.deps.clock.now() + TIMER_RETRY_MS, () => void this.restoreAll());
      return;
    }
    await Promise.all(ids.filter((id) => this.deps.coordinator.drives(id)).map((id) => this.refresh(id)));
  }

  cancel(gameId: string): void {
    this.timers.cancel(gameId);
  }

  stop(): void {
    this.stopped = true;
    this.retryStart?.();
    this.timers.stop();
  }
}
