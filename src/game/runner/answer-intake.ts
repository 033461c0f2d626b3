import type { Logger } from '@nestjs/common';
import type { Clock } from '../../common/clock/clock.js';
import type { AnswerValue } from '../../questions/question.js';
import type { StoreAvailability } from '../../redis/store-availability.js';
import * as engine from '../engine/index.js';
import { GameError } from '../../common/game-error.js';
import { type GameState } from '../engine/index.js';
import type { GamePublisher } from '../game-publisher.js';
import type { GameStore } from '../store/game-store.js';
import { MAX_ATTEMPTS, type GameTransactions } from './game-transactions.js';
import type { KnownGames } from './known-games.js';
import { describeFailure, type StoreGuard } from './store-guard.js';

/** How long a count of awaited answers is reused for the same known state. */
export const AWAITED_TTL_MS = 250;
/** Refusals that may only mean the known state is old: worth one fresh load before they are final. */
const RETRYABLE_ON_REFRESH = new Set(['NOT_PLAYER', 'NOT_OPEN', 'TOO_LATE', 'PAUSED']);

export interface AnswerIntakeDeps {
  store: GameStore;
  publisher: GamePublisher;
  clock: Clock;
  known: KnownGames;
  transactions: GameTransactions;
  availability: StoreAvailability;
  guard: StoreGuard;
  logger: Pick<Logger, 'warn'>;
}

/**
 * Answers take their own path, not a transaction of the whole game: scored
 * by the engine against the state this instance knows, recorded atomically
 * by the store only if the open question is still the one it was scored
 * against (`openKey`); if not (closed, paused or resumed elsewhere), the
 * state is loaded again and the answer scored again.
 */
export class AnswerIntake {
  private readonly awaitedCounts = new WeakMap<GameState, { count: number; at: number }>();

  constructor(private readonly deps: AnswerIntakeDeps) {}

  async answer(gameId: string, playerId: string, questionIndex: number, answer: AnswerValue): Promise<{ received: true }> {
    const { store, clock, known, guard } = this.deps;
    const received = { received: true as const };
    // An answer that arrives while the store is away is refused retryably, never scored against a clock that ran on.
    if (this.deps.availability.blocking) throw new GameError('TRY_AGAIN');
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const game = await known.current(gameId, attempt > 0);
      const now = clock.now();
      let evaluation: engine.AnswerEvaluation;
      try {
        evaluation = engine.evaluateAnswer(game, playerId, questionIndex, answer, now);
      } catch (err) {
        if (!(err instanceof GameError) || !RETRYABLE_ON_REFRESH.has(err.code)) throw err;
        // A repeat of an answer the store already has gets the same ack, even after the question closed.
        if (await guard(() => store.hasAnswered(gameId, questionIndex, playerId))) return received;
        if (attempt === 0 && known.has(gameId)) {
          known.forget(gameId);
          continue;
        }
        throw err;
      }
      if (evaluation.duplicate) return received;
      const key = engine.openKey(game);
      // evaluateAnswer accepts only while a question is open and running, which is exactly when there is a key.
      if (key === null) throw new GameError('TOO_LATE');
      const write = await guard(() => store.recordAnswer(gameId, questionIndex, key, evaluation.record));
      if (write.status === 'kicked') throw new GameError('KICKED');
      if (write.status === 'stale') {
        // Scored against a question that changed meanwhile: score it again on fresh state.
        known.forget(gameId);
        continue;
      }
      if (write.status === 'stored') this.afterAnswer(game, write.answered, now);
      return received;
    }
    throw new GameError('TRY_AGAIN');
  }

  private afterAnswer(game: GameState, answered: number, now: number): void {
    this.deps.publisher.answerRecorded(game.id);
    // Fewer answers than connected players: someone connected has not answered, so nobody can be the last (O(1)).
    if (answered < game.connectedCount) return;
    // Possibly the last awaited answer: check on fresh state (the close itself is a compare-and-set).
    if (answered < this.awaited(game, now)) return;
    this.deps.transactions
      .run(game.id, (g, t) => ({ result: undefined, events: engine.closeIfEveryoneAnswered(g, t) }))
      .catch((err: unknown) => {
        // Nothing is lost: the question's deadline timer closes it; the answer itself is already kept.
        this.deps.logger.warn(`Early close of question ${game.index} in game ${game.id} failed (${describeFailure(err)}); its deadline closes it.`);
      });
  }

  /**
   * How many answers the open question waits for, counted at most every
   * AWAITED_TTL_MS per known state: counting every player on every answer
   * would make a question of N players cost N² steps. A count that is a
   * moment old only decides when to check for real.
   */
  private awaited(game: GameState, now: number): number {
    const cached = this.awaitedCounts.get(game);
    if (cached && now - cached.at < AWAITED_TTL_MS) return cached.count;
    const count = engine.awaitedCount(game, now);
    this.awaitedCounts.set(game, { count, at: now });
    return count;
  }
}
