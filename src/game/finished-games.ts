import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { GameCoordinator } from './coordination/game-coordinator.js';
import { GamePublisher } from './game-publisher.js';
import { GameStore } from './store/game-store.js';

/** How often the games this instance drives are checked for a record still to store. */
export const FINISHED_SWEEP_MS = 5000;

/**
 * A finished game's record must reach history even if the instance that
 * ended the game dies with the record waiting in its memory (history was
 * unreachable at the podium). The game's final commit is in the store, and
 * an ended game stays there until its record is stored; so whichever
 * instance drives the game — the one that ended it, the one that adopted it
 * after a crash, or this one after a restart — rebuilds the record from the
 * store and writes it, then retires the game. Runs at start and every
 * FINISHED_SWEEP_MS.
 */
@Injectable()
export class FinishedGames implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FinishedGames.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: GameStore,
    private readonly coordinator: GameCoordinator,
    private readonly publisher: GamePublisher,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), FINISHED_SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass over the live games this instance drives (a pass already running is waited for, not doubled). */
  sweep(): Promise<void> {
    this.running ??= this.sweepOnce().finally(() => (this.running = null));
    return this.running;
  }

  private async sweepOnce(): Promise<void> {
    let ids: string[];
    try {
      ids = await this.store.liveGameIds();
    } catch (err) {
      // The store is away: the next pass tries again.
      this.logger.warn(`Live games not listed (${(err as Error).message}); trying again in ${FINISHED_SWEEP_MS / 1000} s.`);
      return;
    }
    for (const id of ids) {
      if (!this.coordinator.drives(id)) continue;
      try {
        const game = (await this.store.load(id))?.game;
        if (game && (game.phase === 'podium' || game.phase === 'ended')) await this.publisher.settleFinished(game);
      } catch (err) {
        this.logger.warn(`Finished game ${id}: ${(err as Error).message}; trying again in ${FINISHED_SWEEP_MS / 1000} s.`);
      }
    }
  }
}
