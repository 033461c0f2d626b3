import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import * as engine from '../game/engine/index.js';
import type { GameEvent, GameState } from '../game/engine/index.js';
import { GameCoordinator } from '../game/coordination/game-coordinator.js';
import { GameRunner } from '../game/game-runner.js';
import { SocketIoBroadcaster } from '../game/socket-io.broadcaster.js';
import { StoreAvailability } from './store-availability.js';

/** Catching up after an outage is retried this often while the store still refuses. */
const CATCH_UP_RETRY_MS = 500;

/**
 * A Redis outage pauses the open questions: when the connection drops, this
 * instance's own sockets hear `game:paused` (reason `store-unavailable`;
 * room broadcasts go through Redis, so they are sent locally), answers and
 * deadlines wait (StoreAvailability.blocking). When Redis is back, each game
 * this instance drives gets the outage back on its clock — paused as of the
 * moment the store went away, resumed now — and `game:resumed` tells everyone
 * the new deadline.
 */
@Injectable()
export class StoreOutageHandler implements OnModuleInit {
  private readonly logger = new Logger(StoreOutageHandler.name);
  /**
   * Games this instance drove when the store went away. Exactly one instance
   * drives a game at any moment, so each game gets its time back once, even
   * if its lease lapses during the outage and another instance adopts it.
   */
  private readonly drivenAtOutage = new Set<string>();

  constructor(
    private readonly availability: StoreAvailability,
    private readonly runner: GameRunner,
    private readonly coordinator: GameCoordinator,
    private readonly sockets: SocketIoBroadcaster,
  ) {}

  onModuleInit(): void {
    this.availability.subscribe({
      down: (at) => this.tellPaused(at),
      back: (since, at) => void this.catchUp(since, at),
    });
  }

  private tellPaused(at: number): void {
    this.logger.warn('The store (Redis) is unreachable: open questions are paused until it is back.');
    for (const game of this.runner.cachedGames()) {
      if (this.coordinator.drives(game.id)) this.drivenAtOutage.add(game.id);
      if (game.phase !== 'question' || game.paused || game.deadlineAt === null) continue;
      this.sockets.toGameHere(game.id, 'game:paused', {
        remainingMs: Math.max(0, game.deadlineAt - at),
        byHostAbsence: false,
        reason: 'store-unavailable',
      });
    }
  }

  private async catchUp(since: number, at: number, attempt = 0): Promise<void> {
    try {
      for (const id of [...this.drivenAtOutage]) {
        await this.runner
          .command(id, (game) => giveOutageBack(game, since, at))
          .catch((err: unknown) => {
            if ((err as { code?: string }).code !== 'GAME_NOT_FOUND') throw err;
          });
        this.drivenAtOutage.delete(id);
      }
      this.logger.warn(`The store is back after ${at - since} ms: open questions resumed with the time they had left.`);
      this.availability.settled();
    } catch (err) {
      // Still flaky: try again shortly, with the same outage bounds (logged once per outage, not every 500 ms).
      if (attempt === 0) {
        this.logger.warn(`Catching up after the outage failed (${(err as Error).message}); retrying every ${CATCH_UP_RETRY_MS} ms until it succeeds.`);
      }
      setTimeout(() => void this.catchUp(since, at, attempt + 1), CATCH_UP_RETRY_MS).unref();
    }
  }
}

/** Pauses the question as of the outage's start and resumes it at its end: the outage is excluded from its clock and from response times. */
export function giveOutageBack(game: GameState, since: number, at: number): GameEvent[] {
  if (game.phase !== 'question' || game.paused || game.openedAt === null) return [];
  engine.pauseGame(game, Math.max(since, game.openedAt), false);
  return engine.resumeGame(game, at);
}
