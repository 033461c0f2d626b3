import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import type { AnswerValue } from '../questions/question.js';
import { StoreAvailability } from '../redis/store-availability.js';
import { GameCoordinator } from './coordination/game-coordinator.js';
import * as engine from './engine/index.js';
import { GameError } from '../common/game-error.js';
import type { GameEvent, GameState } from './engine/index.js';
import { GamePublisher } from './game-publisher.js';
import type { JoinResult, ResumeResult } from '../protocol/index.js';
import { AnswerIntake } from './runner/answer-intake.js';
import { GameSchedule } from './runner/game-schedule.js';
import { GameSessions } from './runner/game-sessions.js';
import { GameTransactions } from './runner/game-transactions.js';
import { KnownGames } from './runner/known-games.js';
import { RetriedChanges } from './runner/retried-changes.js';
import { storeGuard } from './runner/store-guard.js';
import { GameStore } from './store/game-store.js';

/**
 * Applies commands to live games; the gateway, the services and the outage
 * handler talk to this facade only. The work is done by its parts
 * (src/game/runner/): GameTransactions (load → engine → compare-and-set
 * commit, group commit, side effects after commit), AnswerIntake (the
 * answer fast path), GameSessions (PINs, tokens, joins and departures),
 * GameSchedule (each game's timer) and RetriedChanges (departures that
 * must reach the game even if the store refused them at first).
 */
@Injectable()
export class GameRunner implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(GameRunner.name);
  private readonly known: KnownGames;
  private readonly transactions: GameTransactions;
  private readonly schedule: GameSchedule;
  private readonly retried: RetriedChanges;
  private readonly sessions: GameSessions;
  private readonly answers: AnswerIntake;

  constructor(
    store: GameStore,
    publisher: GamePublisher,
    private readonly clock: Clock,
    private readonly coordinator: GameCoordinator,
    availability: StoreAvailability = new StoreAvailability(),
  ) {
    const logger = this.logger;
    const guard = storeGuard(logger);
    const known = (this.known = new KnownGames(store, guard));
    const schedule = (this.schedule = new GameSchedule({
      clock,
      coordinator,
      store,
      known,
      logger,
      // While the store is away (and until open questions are given their time back), deadlines wait.
      due: (id) =>
        availability.blocking
          ? Promise.reject(new GameError('TRY_AGAIN'))
          : this.transactions.run(id, (g, now) => ({ result: undefined, events: engine.advanceTime(g, now) })),
    }));
    const reschedule = (game: GameState) => schedule.reschedule(game);
    const transactions = (this.transactions = new GameTransactions({ store, publisher, clock, coordinator, known, guard, logger, reschedule }));
    const retried = (this.retried = new RetriedChanges(transactions, clock, logger));
    this.sessions = new GameSessions({ store, clock, coordinator, known, transactions, retried, guard, reschedule });
    this.answers = new AnswerIntake({ store, publisher, clock, known, transactions, availability, guard, logger });
  }

  onModuleInit(): void {
    this.coordinator.start({
      changedElsewhere: (id) => {
        this.known.forget(id);
        if (this.coordinator.drives(id)) void this.schedule.refresh(id);
      },
      adopted: (id) => void this.schedule.refresh(id),
      released: (id) => this.schedule.cancel(id),
    });
    void this.schedule.restoreAll();
  }

  async onModuleDestroy(): Promise<void> {
    await this.coordinator.stop();
    this.schedule.stop();
    this.retried.stop();
  }

  /** Stores a new game with a fresh PIN; returns it with the host's token. */
  create(settings: engine.GameSettings, questions: engine.RoundQuestion[]): Promise<{ game: GameState; hostToken: string }> {
    return this.sessions.create(settings, questions);
  }

  attachHost(hostToken: string): Promise<engine.HostSnapshot> {
    return this.sessions.attachHost(hostToken);
  }

  /** Never fails: a departure the store refuses is logged and retried until it reaches the game. */
  detachHost(gameId: string): Promise<void> {
    return this.sessions.detachHost(gameId);
  }

  /** The server's clock, for clients estimating their offset from it (`clock:sync`). */
  now(): number {
    return this.clock.now();
  }

  join(pin: string, nickname: string, deviceId: string | null = null): Promise<JoinResult> {
    return this.sessions.join(pin, nickname, deviceId);
  }

  resume(playerToken: string): Promise<ResumeResult> {
    return this.sessions.resume(playerToken);
  }

  /** Never fails, as detachHost. */
  playerLeft(gameId: string, playerId: string): Promise<void> {
    return this.sessions.playerLeft(gameId, playerId);
  }

  /** The connection that held this player joined again: the player goes (engine.withdrawPlayer). Never fails, as detachHost. */
  withdraw(gameId: string, playerId: string): Promise<void> {
    return this.sessions.withdraw(gameId, playerId);
  }

  /**
   * Scores the answer against the state this instance knows and lets the
   * store record it atomically; if the question changed meanwhile (closed,
   * paused, resumed elsewhere), reloads and scores it again.
   */
  answer(gameId: string, playerId: string, questionIndex: number, answer: AnswerValue): Promise<{ received: true }> {
    return this.answers.answer(gameId, playerId, questionIndex, answer);
  }

  /** Host commands; each answers with where the game now stands. */
  command(gameId: string, apply: (game: GameState, now: number) => GameEvent[]): Promise<engine.HostSnapshot> {
    return this.transactions.run(gameId, (game, now) => {
      const events = apply(game, now);
      return { result: engine.hostSnapshot(game, now), events };
    });
  }

  /** The games this instance last saw (for telling its own sockets about a store outage). */
  cachedGames(): GameState[] {
    return this.known.all();
  }
}
