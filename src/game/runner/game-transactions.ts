import type { Logger } from '@nestjs/common';
import type { Clock } from '../../common/clock/clock.js';
import { FaultLog } from '../../common/fault-log.js';
import { KeyedSerialQueue } from '../../common/keyed-serial-queue.js';
import type { GameCoordinator } from '../coordination/game-coordinator.js';
import { GameError } from '../../common/game-error.js';
import { type GameEvent, type GameState } from '../engine/index.js';
import type { GamePublisher } from '../game-publisher.js';
import type { GameStore } from '../store/game-store.js';
import type { KnownGames } from './known-games.js';
import type { StoreGuard } from './store-guard.js';

/** What a change returns to its caller, and what it reports to the publisher. */
export interface Applied<T> {
  result: T;
  events: GameEvent[];
}

/** A change of one game: the pure engine applied to the loaded state at `now`; it throws to refuse. */
export type Change<T> = (game: GameState, now: number) => Applied<T>;

type Outcome = { ok: true; value: unknown } | { ok: false; error: GameError };

interface PendingChange {
  apply: Change<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/** Compare-and-set attempts before a busy game asks the client to try again (TRY_AGAIN). */
export const MAX_ATTEMPTS = 8;

export interface TransactionDeps {
  store: GameStore;
  publisher: GamePublisher;
  clock: Clock;
  coordinator: GameCoordinator;
  known: KnownGames;
  guard: StoreGuard;
  logger: Pick<Logger, 'error'>;
  /** Sets the game's timer after a commit (GameSchedule.reschedule). */
  reschedule: (game: GameState) => void;
}

/**
 * The only way a game changes: load, apply the engine, commit with
 * compare-and-set (several instances may share the store), then the side
 * effects. Changes of one game run one after another in this process;
 * changes that arrive while one runs are applied together in the next
 * transaction (group commit: a burst of joins is one load and one commit),
 * each seeing the ones before it and each failing alone.
 */
export class GameTransactions {
  private readonly queue = new KeyedSerialQueue();
  /** Changes waiting for their game's next transaction. */
  private readonly pending = new Map<string, PendingChange[]>();
  private readonly faults: FaultLog;

  constructor(private readonly deps: TransactionDeps) {
    this.faults = new FaultLog(deps.logger);
  }

  run<T>(gameId: string, apply: Change<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const change: PendingChange = { apply, resolve: resolve as (value: unknown) => void, reject };
      const waiting = this.pending.get(gameId);
      if (waiting) return void waiting.push(change);
      this.pending.set(gameId, [change]);
      void this.queue.run(gameId, () => this.applyPending(gameId));
    });
  }

  private async applyPending(gameId: string): Promise<void> {
    const changes = this.pending.get(gameId) ?? [];
    this.pending.delete(gameId);
    try {
      const settled = await this.transact(gameId, (game, now) => {
        const events: GameEvent[] = [];
        const results = changes.map((change) => ({ change, outcome: this.applyOne(gameId, change, game, now, events) }));
        return { result: results, events, unchanged: results.every((r) => !r.outcome.ok) };
      });
      for (const { change, outcome } of settled) {
        if (outcome.ok) change.resolve(outcome.value);
        else change.reject(outcome.error);
      }
    } catch (err) {
      for (const change of changes) change.reject(err);
    }
  }

  private applyOne(gameId: string, change: PendingChange, game: GameState, now: number, events: GameEvent[]): Outcome {
    try {
      const applied = change.apply(game, now);
      events.push(...applied.events);
      return { ok: true, value: applied.result };
    } catch (err) {
      if (err instanceof GameError) return { ok: false, error: err };
      // A fault in one change (a bug, a hostile input that got through) fails that change only:
      // the engine validates before it mutates, so the others in the batch still apply.
      this.faults.report(`change to game ${gameId}`, err);
      return { ok: false, error: new GameError('INTERNAL_ERROR') };
    }
  }

  /** Load, apply, compare-and-set commit; on a conflict, all over again on fresh state. */
  private async transact<T>(gameId: string, apply: (game: GameState, now: number) => Applied<T> & { unchanged: boolean }): Promise<T> {
    const { store, clock, known, guard } = this.deps;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const loaded = await guard(() => store.load(gameId));
      if (!loaded) throw new GameError('GAME_NOT_FOUND');
      const { game, version } = loaded;
      const open = game.phase === 'question' ? { index: game.index, count: loaded.openCount } : null;
      const { result, events, unchanged } = apply(game, clock.now());
      if (unchanged) return result;
      const committed = await guard(() => store.commit(game, version, open, events));
      if (committed === null) {
        // The refused change may have been applied to the very object answers are scored against.
        known.forget(gameId);
        continue;
      }
      await this.afterCommit(game, events);
      return result;
    }
    throw new GameError('TRY_AGAIN');
  }

  /**
   * The change is committed: nothing after this may fail the command or lose
   * work. The timer goes first (a deadline must never depend on a message
   * having gone out); then each event is published on its own, a failing one
   * logged with its game and type (GamePublisher.publish) and the rest still sent.
   */
  private async afterCommit(game: GameState, events: GameEvent[]): Promise<void> {
    this.deps.known.committed(game);
    this.deps.coordinator.changed(game.id);
    this.deps.reschedule(game);
    try {
      await this.deps.publisher.publish(game, events);
    } catch (err) {
      this.faults.report(`publishing ${events.map((e) => e.type).join(', ')} of game ${game.id} after its commit`, err);
    }
  }
}
