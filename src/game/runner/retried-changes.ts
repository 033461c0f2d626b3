import type { Logger } from '@nestjs/common';
import type { Clock } from '../../common/clock/clock.js';
import { GameError } from '../../common/game-error.js';
import { GameTimers, TIMER_RETRY_MS } from '../game-timers.js';
import type { Change, GameTransactions } from './game-transactions.js';
import { describeFailure } from './store-guard.js';

interface Owed {
  what: string;
  change: Change<undefined>;
}

/**
 * Changes that must reach a game even if the store refuses them when they
 * happen: a host or player whose last connection went (the game has to
 * pause, the question has to stop waiting for them) or a player withdrawn.
 * The first attempt is made at once; a failure is logged with the game and
 * retried on the clock through GameTimers (soon after TRY_AGAIN, backing off
 * after unexpected faults) until it commits, the game is gone or the engine
 * refuses it for good.
 *
 * A newer change of the same subject (the host attached again, the player
 * resumed) supersedes one still owed; the owed change checks this inside its
 * transaction, so even a retry already queued behind the newer change does
 * nothing. Supersession is per instance: a retry here cannot see a host who
 * came back through another instance meanwhile.
 */
export class RetriedChanges {
  private readonly timers: GameTimers;
  private readonly owed = new Map<string, Owed>();

  constructor(
    private readonly transactions: GameTransactions,
    private readonly clock: Clock,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {
    this.timers = new GameTimers(clock, (key) => this.attempt(key));
  }

  /** Applies the change now; if the store refuses it, keeps retrying it. Never rejects. */
  async apply(gameId: string, subject: string, what: string, change: Change<undefined>): Promise<void> {
    const key = keyOf(gameId, subject);
    this.timers.cancel(key);
    this.owed.set(key, { what, change });
    try {
      await this.attempt(key);
    } catch (err) {
      this.logger.warn(`${what} in game ${gameId} not applied (${describeFailure(err)}); retrying in ${TIMER_RETRY_MS} ms.`);
      if (this.owed.has(key)) this.timers.set(key, this.clock.now() + TIMER_RETRY_MS);
    }
  }

  /** Call from inside the newer change's transaction, once it is sure to apply: an owed change would undo it. */
  supersede(gameId: string, subject: string): void {
    const key = keyOf(gameId, subject);
    this.timers.cancel(key);
    this.owed.delete(key);
  }

  /** Whether a change of this subject is still owed (waiting for a retry). */
  pending(gameId: string, subject: string): boolean {
    return this.owed.has(keyOf(gameId, subject));
  }

  stop(): void {
    this.timers.stop();
    this.owed.clear();
  }

  /** One attempt; rejects (so GameTimers retries) only while the change may still succeed. */
  private async attempt(key: string): Promise<void> {
    const owed = this.owed.get(key);
    if (!owed) return;
    const gameId = key.slice(0, key.indexOf('/'));
    try {
      await this.transactions.run(gameId, (game, now) => (this.owed.get(key) === owed ? owed.change(game, now) : { result: undefined, events: [] }));
    } catch (err) {
      if (!(err instanceof GameError) || err.code === 'TRY_AGAIN') throw err;
      // The game is gone, or the engine refuses the change (the player was removed meanwhile): nothing is owed.
      if (err.code !== 'GAME_NOT_FOUND') this.logger.warn(`${owed.what} in game ${gameId} dropped: ${err.code}.`);
    }
    if (this.owed.get(key) === owed) this.owed.delete(key);
  }
}

function keyOf(gameId: string, subject: string): string {
  return `${gameId}/${subject}`;
}
