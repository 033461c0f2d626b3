import type { Logger } from '@nestjs/common';
import type { Clock } from '../../common/clock/clock.js';
import type { AnswerValue } from '../../questions/question.js';
import type { AnswerRecord } from '../engine/index.js';
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
interface ScoredAnswer {
  game: GameState;
  key: string;
  record: AnswerRecord;
  now: number;
}
/** A refusal is returned only when fresher state might undo it (RETRYABLE_ON_REFRESH). */
type Scored = ScoredAnswer | 'duplicate' | GameError;

/** Every accepted answer's ack result (never changed, so one object serves all). */
const RECEIVED: { received: true } = Object.freeze({ received: true as const });

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

  /**
   * The first attempt runs without an async frame when the game is known and the answer is accepted as it stands:
   * its only wait is the store's write (with the journal, until its line is on disk), so thousands of answers in
   * flight at once hold a promise each instead of a suspended function each. Anything else (no known state, a
   * refusal that fresh state might undo, a stale write) goes the way of `answerWithRetries`.
   */
  answer(gameId: string, playerId: string, questionIndex: number, answer: AnswerValue): Promise<{ received: true }> {
    // An answer that arrives while the store is away is refused retryably, never scored against a clock that ran on.
    if (this.deps.availability.blocking) return Promise.reject(new GameError('TRY_AGAIN'));
    const game = this.deps.known.peek(gameId);
    let scored: Scored | null;
    try {
      scored = game ? this.score(game, playerId, questionIndex, answer) : null;
    } catch (err) {
      // The engine refuses with GameErrors; anything else is a bug, passed on.
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    if (scored === null || scored instanceof GameError) return this.answerWithRetries(gameId, playerId, questionIndex, answer, 0);
    if (scored === 'duplicate') return this.confirmRepeat(gameId, questionIndex, playerId);
    return this.record(gameId, questionIndex, scored).then((outcome) =>
      outcome === 'stale' ? this.answerWithRetries(gameId, playerId, questionIndex, answer, 1) : outcome,
    );
  }

  private async answerWithRetries(
    gameId: string,
    playerId: string,
    questionIndex: number,
    answer: AnswerValue,
    firstAttempt: number,
  ): Promise<{ received: true }> {
    const { store, known, guard } = this.deps;
    for (let attempt = firstAttempt; attempt < MAX_ATTEMPTS; attempt++) {
      const game = await known.current(gameId, attempt > 0);
      const scored = this.score(game, playerId, questionIndex, answer);
      if (scored instanceof GameError) {
        // A repeat of an answer the store already has gets the same ack, even after the question closed.
        if (await guard(() => store.hasAnswered(gameId, questionIndex, playerId))) return RECEIVED;
        if (attempt === 0 && known.has(gameId)) {
          known.forget(gameId);
          continue;
        }
        throw scored;
      }
      if (scored === 'duplicate') return this.confirmRepeat(gameId, questionIndex, playerId);
      const outcome = await this.record(gameId, questionIndex, scored);
      if (outcome !== 'stale') return outcome;
    }
    throw new GameError('TRY_AGAIN');
  }

  /**
   * The engine's verdict on `game` as it is known: the answer to record (with the open question's key), a duplicate
   * (the first answer stands), or, returned rather than thrown, a refusal that fresher state might undo. Any other
   * refusal is thrown.
   */
  private score(game: GameState, playerId: string, questionIndex: number, answer: AnswerValue): Scored {
    const now = this.deps.clock.now();
    let evaluation: engine.AnswerEvaluation;
    try {
      evaluation = engine.evaluateAnswer(game, playerId, questionIndex, answer, now);
    } catch (err) {
      if (err instanceof GameError && RETRYABLE_ON_REFRESH.has(err.code)) return err;
      throw err;
    }
    if (evaluation.duplicate) return 'duplicate';
    const key = engine.openKey(game);
    // evaluateAnswer accepts only while a question is open and running, which is exactly when there is a key.
    if (key === null) throw new GameError('TOO_LATE');
    return { game, key, record: evaluation.record, now };
  }

  /** A repeat of an answer the known state holds gets the same ack, once the first copy is kept for good. */
  private confirmRepeat(gameId: string, questionIndex: number, playerId: string): Promise<{ received: true }> {
    return this.deps.guard(() => this.deps.store.confirmKeptAnswer(gameId, questionIndex, playerId)).then(() => RECEIVED);
  }

  /** Stores a scored answer; 'stale' when the question changed since it was scored (the known state is dropped). */
  private record(gameId: string, questionIndex: number, scored: ScoredAnswer): Promise<{ received: true } | 'stale'> {
    return this.deps
      .guard(() => this.deps.store.recordAnswer(gameId, questionIndex, scored.key, scored.record))
      .then((write) => {
        if (write.status === 'kicked') throw new GameError('KICKED');
        if (write.status === 'stale') {
          this.deps.known.forget(gameId);
          return 'stale';
        }
        if (write.status === 'stored') this.afterAnswer(scored.game, write.answered, scored.now);
        return RECEIVED;
      });
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
