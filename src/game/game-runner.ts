import { randomInt } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { FaultLog } from '../common/fault-log.js';
import { KeyedSerialQueue } from '../common/keyed-serial-queue.js';
import { StoreAvailability } from '../redis/store-availability.js';
import type { AnswerValue } from '../questions/question.js';
import { GameCoordinator } from './coordination/game-coordinator.js';
import * as engine from './engine/index.js';
import { GameError } from '../common/game-error.js';
import type { GameEvent, GameState } from './engine/index.js';
import { GamePublisher } from './game-publisher.js';
import { GameTimers } from './game-timers.js';
import type { JoinResult, ResumeResult } from '../protocol/index.js';
import { GameStore } from './store/game-store.js';
import { hashSecret, newId, newSecret, parseToken, secretMatches } from './tokens.js';

type Applied<T> = { result: T; events: GameEvent[] };
type Outcome = { ok: true; value: unknown } | { ok: false; error: GameError };

interface PendingChange {
  apply: (game: GameState, now: number) => Applied<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/** Compare-and-set retries before a busy game asks the client to try again. */
const MAX_ATTEMPTS = 8;
const AWAITED_TTL_MS = 250;
const RETRYABLE_ON_REFRESH = new Set(['NOT_PLAYER', 'NOT_OPEN', 'TOO_LATE', 'PAUSED']);

/**
 * Applies commands to live games: load, run the pure engine, commit (a
 * compare-and-set, so several server instances can share a store), then hand
 * the engine's events to the publisher and (re)schedule the game's timer if
 * this instance drives it. Answers take their own path: scored by the engine
 * against the known state, recorded atomically by the store.
 */
@Injectable()
export class GameRunner implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(GameRunner.name);
  private readonly faults = new FaultLog(this.logger);
  private readonly queue = new KeyedSerialQueue();
  private readonly timers: GameTimers;
  /** Last state seen per game, for scoring answers without a load each time. */
  private readonly known = new Map<string, GameState>();
  private readonly awaitedCounts = new WeakMap<GameState, { count: number; at: number }>();
  /** Changes waiting for the game's next transaction. */
  private readonly pending = new Map<string, PendingChange[]>();

  constructor(
    private readonly store: GameStore,
    private readonly publisher: GamePublisher,
    private readonly clock: Clock,
    private readonly coordinator: GameCoordinator,
    private readonly availability: StoreAvailability = new StoreAvailability(),
  ) {
    this.timers = new GameTimers(clock, (id) =>
      // While the store is away (and until open questions are given their time back), deadlines wait.
      this.availability.blocking
        ? Promise.reject(new GameError('TRY_AGAIN'))
        : this.withGame(id, (g, now) => ({ result: undefined, events: engine.advanceTime(g, now) })),
    );
  }

  onModuleInit(): void {
    this.coordinator.start({
      changedElsewhere: (id) => {
        this.known.delete(id);
        if (this.coordinator.drives(id)) void this.refreshTimer(id);
      },
      adopted: (id) => void this.refreshTimer(id),
      released: (id) => this.timers.cancel(id),
    });
    // Games the store already holds at start (the embedded journal's recovered games) need their timers again.
    void this.store
      .liveGameIds()
      .then((ids) => ids.filter((id) => this.coordinator.drives(id)).forEach((id) => void this.refreshTimer(id)))
      .catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    await this.coordinator.stop();
    this.timers.stop();
  }

  /** Stores a new game with a fresh PIN; returns it with the host's token. */
  async create(settings: engine.GameSettings, questions: engine.RoundQuestion[]): Promise<{ game: GameState; hostToken: string }> {
    const secret = newSecret();
    for (let attempt = 0; attempt < 50; attempt++) {
      const game = engine.newGame(
        { id: newId(), pin: randomPin(), hostSecretHash: hashSecret(secret), settings, questions },
        this.clock.now(),
      );
      if (await this.guard(() => this.store.insert(game))) {
        this.known.set(game.id, game);
        this.coordinator.created(game.id);
        this.reschedule(game);
        return { game, hostToken: `${game.id}.${secret}` };
      }
    }
    throw new GameError('INTERNAL_ERROR', 'No free game PIN: too many live games.');
  }

  async attachHost(hostToken: string): Promise<engine.HostSnapshot> {
    const parsed = parseToken(hostToken);
    if (!parsed || parsed.playerId !== null) throw new GameError('INVALID_TOKEN');
    return this.withGame(parsed.gameId, (game, now) => {
      if (!secretMatches(parsed.secret, game.credentials.host)) throw new GameError('INVALID_TOKEN');
      engine.setHostConnected(game, true, now);
      return { result: engine.hostSnapshot(game, now), events: [] };
    });
  }

  async detachHost(gameId: string): Promise<void> {
    await this.withGame(gameId, (game, now) => {
      engine.setHostConnected(game, false, now);
      return { result: undefined, events: [] };
    }).catch(() => undefined);
  }

  /** The server's clock, for clients estimating their offset from it (`clock:sync`). */
  now(): number {
    return this.clock.now();
  }

  async join(pin: string, nickname: string, deviceId: string | null = null): Promise<JoinResult> {
    const gameId = await this.guard(() => this.store.findIdByPin(pin));
    if (!gameId) throw new GameError('GAME_NOT_FOUND');
    const playerId = newId();
    const secret = newSecret();
    return this.withGame(gameId, (game, now) => {
      const events = engine.addPlayer(game, playerId, nickname, now, deviceId);
      game.credentials.players[playerId] = hashSecret(secret);
      const snapshot = engine.playerSnapshot(game, playerId, now);
      return { result: { gameId: game.id, playerId, playerToken: `${game.id}.${playerId}.${secret}`, snapshot }, events };
    });
  }

  async resume(playerToken: string): Promise<ResumeResult> {
    const parsed = parseToken(playerToken);
    if (!parsed || parsed.playerId === null) throw new GameError('INVALID_TOKEN');
    const playerId = parsed.playerId;
    return this.withGame(parsed.gameId, (game, now) => {
      if (!secretMatches(parsed.secret, game.credentials.players[playerId])) throw new GameError('INVALID_TOKEN');
      if (game.players[playerId].kicked) throw new GameError('KICKED');
      const events = game.phase === 'ended' ? [] : engine.setPlayerConnected(game, playerId, true, now);
      return { result: { gameId: game.id, playerId, snapshot: engine.playerSnapshot(game, playerId, now) }, events };
    });
  }

  async playerLeft(gameId: string, playerId: string): Promise<void> {
    await this.withGame(gameId, (game, now) => {
      if (game.phase === 'ended' || game.players[playerId]?.kicked) return { result: undefined, events: [] };
      return { result: undefined, events: engine.setPlayerConnected(game, playerId, false, now) };
    }).catch(() => undefined);
  }

  /** The connection that held this player joined again: the player goes (engine.withdrawPlayer). */
  async withdraw(gameId: string, playerId: string): Promise<void> {
    await this.withGame(gameId, (game, now) => ({ result: undefined, events: engine.withdrawPlayer(game, playerId, now) })).catch(() => undefined);
  }

  /**
   * Scores the answer against the state this instance knows and lets the
   * store record it atomically; if the question changed meanwhile (closed,
   * paused, resumed elsewhere), reloads and scores it again.
   */
  async answer(gameId: string, playerId: string, questionIndex: number, answer: AnswerValue): Promise<{ received: true }> {
    const received = { received: true as const };
    // An answer that arrives while the store is away is refused retryably, never scored against a clock that ran on.
    if (this.availability.blocking) throw new GameError('TRY_AGAIN');
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const game = await this.current(gameId, attempt > 0);
      const now = this.clock.now();
      let evaluation: engine.AnswerEvaluation;
      try {
        evaluation = engine.evaluateAnswer(game, playerId, questionIndex, answer, now);
      } catch (err) {
        if (!(err instanceof GameError) || !RETRYABLE_ON_REFRESH.has(err.code)) throw err;
        // A repeat of an answer the store already has gets the same ack, even after the question closed.
        if (await this.guard(() => this.store.hasAnswered(gameId, questionIndex, playerId))) return received;
        if (attempt === 0 && this.known.has(gameId)) {
          this.known.delete(gameId);
          continue;
        }
        throw err;
      }
      if (evaluation.duplicate) return received;
      const write = await this.guard(() => this.store.recordAnswer(gameId, questionIndex, engine.openKey(game)!, evaluation.record));
      if (write.status === 'kicked') throw new GameError('KICKED');
      if (write.status === 'stale') {
        this.known.delete(gameId);
        continue;
      }
      if (write.status === 'stored') this.afterAnswer(game, write.answered, now);
      return received;
    }
    throw new GameError('TRY_AGAIN');
  }

  /** Host commands; each answers with where the game now stands. */
  async command(gameId: string, apply: (game: GameState, now: number) => GameEvent[]): Promise<engine.HostSnapshot> {
    return this.withGame(gameId, (game, now) => {
      const events = apply(game, now);
      return { result: engine.hostSnapshot(game, now), events };
    });
  }

  /** The games this instance last saw (for telling its own sockets about a store outage). */
  cachedGames(): GameState[] {
    return [...this.known.values()];
  }

  private afterAnswer(game: GameState, answered: number, now: number): void {
    this.publisher.answerRecorded(game.id);
    // Fewer answers than connected players: someone connected has not answered, so nobody can be the last (O(1)).
    if (answered < game.connectedCount) return;
    // Possibly the last awaited answer: check on fresh state (the close itself is a compare-and-set).
    if (answered >= this.awaited(game, now)) {
      void this.withGame(game.id, (g, t) => ({ result: undefined, events: engine.closeIfEveryoneAnswered(g, t) })).catch(() => undefined);
    }
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

  private async current(gameId: string, refresh: boolean): Promise<GameState> {
    const known = refresh ? undefined : this.known.get(gameId);
    if (known) return known;
    const loaded = await this.guard(() => this.store.load(gameId));
    if (!loaded) throw new GameError('GAME_NOT_FOUND');
    this.known.set(gameId, loaded.game);
    return loaded.game;
  }

  /**
   * Runs a change of one game. Changes that arrive while the game is busy are
   * applied together in the next transaction (group commit): a burst of joins
   * or reconnects costs one load and one commit, not one each. Within a batch
   * each change still sees the ones before it, and a change the engine refuses
   * fails alone.
   */
  private withGame<T>(gameId: string, apply: (game: GameState, now: number) => Applied<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const op: PendingChange = { apply, resolve: resolve as (value: unknown) => void, reject };
      const waiting = this.pending.get(gameId);
      if (waiting) return void waiting.push(op);
      this.pending.set(gameId, [op]);
      void this.queue.run(gameId, () => this.applyPending(gameId));
    });
  }

  private async applyPending(gameId: string): Promise<void> {
    const ops = this.pending.get(gameId) ?? [];
    this.pending.delete(gameId);
    try {
      const outcomes = await this.transact(gameId, (game, now) => {
        const events: GameEvent[] = [];
        const results = ops.map((op): Outcome => {
          try {
            const applied = op.apply(game, now);
            events.push(...applied.events);
            return { ok: true, value: applied.result };
          } catch (err) {
            if (err instanceof GameError) return { ok: false, error: err };
            // A fault in one change (a bug, a hostile input that got through) fails that change only:
            // the engine validates before it mutates, so the others in the batch still apply.
            this.faults.report(`change to game ${gameId}`, err);
            return { ok: false, error: new GameError('INTERNAL_ERROR') };
          }
        });
        return { result: results, events, unchanged: results.every((r) => !r.ok) };
      });
      outcomes.forEach((o, i) => (o.ok ? ops[i].resolve(o.value) : ops[i].reject(o.error)));
    } catch (err) {
      for (const op of ops) op.reject(err);
    }
  }

  /** Load, apply, compare-and-set commit; on a conflict, all over again on fresh state. */
  private async transact<T>(gameId: string, apply: (game: GameState, now: number) => Applied<T> & { unchanged?: boolean }): Promise<T> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const loaded = await this.guard(() => this.store.load(gameId));
      if (!loaded) throw new GameError('GAME_NOT_FOUND');
      const { game, version } = loaded;
      const open = game.phase === 'question' ? { index: game.index, count: loaded.openCount } : null;
      const { result, events, unchanged } = apply(game, this.clock.now());
      if (unchanged) return result;
      const committed = await this.guard(() => this.store.commit(game, version, open, events));
      if (committed === null) {
        // The refused change may have been applied to the very object answers are scored against.
        this.known.delete(gameId);
        continue;
      }
      // An ended game takes no more answers: nothing to keep in memory for it.
      if (game.phase === 'ended') this.known.delete(gameId);
      else this.known.set(gameId, game);
      this.coordinator.changed(gameId);
      await this.publisher.publish(game, events);
      this.reschedule(game);
      return result;
    }
    throw new GameError('TRY_AGAIN');
  }

  /** Store failures (Redis unreachable, timed out) become the retryable TRY_AGAIN; game errors pass through. */
  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof GameError) throw err;
      this.logger.warn(`store: ${(err as Error).message}`);
      throw new GameError('TRY_AGAIN');
    }
  }

  private async refreshTimer(gameId: string): Promise<void> {
    const game = await this.current(gameId, true).catch(() => null);
    if (game) this.reschedule(game);
  }

  /** The game's timer lives on the instance that drives it, at the engine's next deadline. */
  private reschedule(game: GameState): void {
    this.timers.set(game.id, this.coordinator.drives(game.id) ? engine.nextTimerAt(game) : null);
  }
}

/** 6 digits, never starting with 0 (phones and spreadsheets drop leading zeros), not sequential. */
function randomPin(): string {
  return String(100_000 + randomInt(900_000));
}
