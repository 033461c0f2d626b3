import { randomInt } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Clock, type Cancel } from '../common/clock/clock.js';
import { KeyedSerialQueue } from '../common/keyed-serial-queue.js';
import { AppConfig } from '../config/app-config.js';
import { HistoryStore } from '../history/history-store.js';
import { buildHistoryRecord } from '../history/history-record.js';
import type { AnswerValue } from '../questions/question.js';
import * as engine from './engine/index.js';
import { GameError, type GameEvent, type GameState } from './engine/index.js';
import { GameBroadcaster } from './game-broadcaster.js';
import { HostUpdateBatcher } from './host-update-batcher.js';
import type { JoinResult, ResumeResult } from './protocol.js';
import { GameStore } from './store/game-store.js';
import { hashSecret, newId, newSecret, parseToken, secretMatches } from './tokens.js';

type HostUpdate = 'lobby' | 'progress';

/**
 * Applies commands to live games: load, run the pure engine, save, then turn
 * the engine's events into messages and (re)schedule the game's one timer.
 * Operations on one game run strictly one after another.
 */
@Injectable()
export class GameRunner implements OnModuleDestroy {
  private readonly logger = new Logger(GameRunner.name);
  private readonly queue = new KeyedSerialQueue();
  private readonly timers = new Map<string, { at: number; cancel: Cancel }>();
  private readonly removals = new Map<string, Cancel>();
  private readonly hostUpdates: HostUpdateBatcher<HostUpdate>;

  constructor(
    private readonly store: GameStore,
    private readonly history: HistoryStore,
    private readonly out: GameBroadcaster,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.hostUpdates = new HostUpdateBatcher(clock, config.HOST_UPDATE_INTERVAL_MS, (id, kinds) => {
      void this.sendHostUpdates(id, kinds);
    });
  }

  /** Stores a new game with a fresh PIN; returns it with the host's token. */
  async create(
    settings: engine.GameSettings,
    questions: engine.RoundQuestion[],
  ): Promise<{ game: GameState; hostToken: string }> {
    const secret = newSecret();
    for (let attempt = 0; attempt < 50; attempt++) {
      const game = engine.newGame(
        { id: newId(), pin: randomPin(), hostSecretHash: hashSecret(secret), settings, questions },
        this.clock.now(),
      );
      if (await this.store.insert(game)) {
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

  async join(pin: string, nickname: string): Promise<JoinResult> {
    const found = await this.store.findByPin(pin);
    if (!found) throw new GameError('GAME_NOT_FOUND');
    const playerId = newId();
    const secret = newSecret();
    return this.withGame(found.id, (game, now) => {
      const events = engine.addPlayer(game, playerId, nickname, now);
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

  async answer(gameId: string, playerId: string, questionIndex: number, answer: AnswerValue): Promise<{ received: true }> {
    return this.withGame(gameId, (game, now) => {
      const outcome = engine.submitAnswer(game, playerId, questionIndex, answer, now);
      return { result: { received: true as const }, events: outcome.events };
    });
  }

  /** Host commands; each answers with where the game now stands. */
  async command(gameId: string, apply: (game: GameState, now: number) => GameEvent[]): Promise<engine.HostSnapshot> {
    return this.withGame(gameId, (game, now) => {
      const events = apply(game, now);
      return { result: engine.hostSnapshot(game, now), events };
    });
  }

  onModuleDestroy(): void {
    for (const { cancel } of this.timers.values()) cancel();
    for (const cancel of this.removals.values()) cancel();
    this.timers.clear();
    this.removals.clear();
    this.hostUpdates.dropAll();
  }

  private withGame<T>(
    gameId: string,
    apply: (game: GameState, now: number) => { result: T; events: GameEvent[] },
  ): Promise<T> {
    return this.queue.run(gameId, async () => {
      const game = await this.store.get(gameId);
      if (!game) throw new GameError('GAME_NOT_FOUND');
      const { result, events } = apply(game, this.clock.now());
      await this.store.save(game);
      await this.dispatch(game, events);
      this.reschedule(game);
      return result;
    });
  }

  private async dispatch(game: GameState, events: GameEvent[]): Promise<void> {
    for (const event of events) await this.publish(game, event);
  }

  private async publish(game: GameState, event: GameEvent): Promise<void> {
    const now = this.clock.now();
    switch (event.type) {
      case 'lobby-changed':
        return this.hostUpdates.mark(game.id, 'lobby');
      case 'answer-recorded':
        return this.hostUpdates.mark(game.id, 'progress');
      case 'question-opened':
        return this.out.toGame(game.id, 'question:open', engine.questionView(game, now));
      case 'question-closed':
        return this.publishReveal(game);
      case 'leaderboard-shown':
        return this.out.toGame(game.id, 'leaderboard:update', engine.leaderboardView(game));
      case 'paused':
        return this.out.toGame(game.id, 'game:paused', {
          remainingMs: game.paused!.remainingMs,
          byHostAbsence: game.paused!.byHostAbsence,
        });
      case 'resumed':
        return this.out.toGame(game.id, 'game:resumed', engine.questionView(game, now));
      case 'player-kicked':
        this.out.toPlayer(game.id, event.playerId, 'player:kicked', { message: 'The teacher removed you from the game.' });
        return this.out.disconnectPlayer(game.id, event.playerId);
      case 'game-over':
        return this.publishGameOver(game);
      case 'game-ended':
        this.out.toGame(game.id, 'game:ended', { reason: game.endReason });
        return this.scheduleRemoval(game.id);
    }
  }

  private publishReveal(game: GameState): void {
    this.hostUpdates.drop(game.id);
    this.out.toGame(game.id, 'question:reveal', engine.revealView(game));
    for (const [playerId, result] of engine.playerResults(game)) {
      this.out.toPlayer(game.id, playerId, 'player:result', result);
    }
    this.out.toHost(game.id, 'leaderboard:update', engine.leaderboardView(game));
  }

  private async publishGameOver(game: GameState): Promise<void> {
    if (game.startedAt !== null) {
      await this.history.saveOnce(buildHistoryRecord(game)).catch((err: unknown) => {
        this.logger.error(`Could not store game ${game.id} in history: ${String(err)}`);
      });
    }
    this.out.toGame(game.id, 'game:over', engine.gameOverView(game));
  }

  private async sendHostUpdates(gameId: string, kinds: Set<HostUpdate>): Promise<void> {
    const game = await this.store.get(gameId);
    if (!game) return;
    if (kinds.has('lobby')) this.out.toHost(gameId, 'lobby:update', engine.lobbyView(game));
    if (kinds.has('progress') && game.phase === 'question') {
      this.out.toHost(gameId, 'question:progress', engine.progressView(game, this.clock.now()));
    }
  }

  private reschedule(game: GameState): void {
    const at = engine.nextTimerAt(game);
    const current = this.timers.get(game.id);
    if (current?.at === at) return;
    current?.cancel();
    this.timers.delete(game.id);
    if (at === null) return;
    const cancel = this.clock.scheduleAt(at, () => {
      this.timers.delete(game.id);
      void this.withGame(game.id, (g, now) => ({ result: undefined, events: engine.advanceTime(g, now) })).catch(
        (err: unknown) => this.logger.warn(`Timer for game ${game.id}: ${String(err)}`),
      );
    });
    this.timers.set(game.id, { at, cancel });
  }

  private scheduleRemoval(gameId: string): void {
    if (this.removals.has(gameId)) return;
    const cancel = this.clock.scheduleAt(this.clock.now() + this.config.ENDED_GAME_RETENTION_MS, () => {
      this.removals.delete(gameId);
      this.hostUpdates.drop(gameId);
      void this.queue.run(gameId, () => this.store.remove(gameId));
    });
    this.removals.set(gameId, cancel);
  }
}

/** 6 digits, never starting with 0 (phones and spreadsheets drop leading zeros), not sequential. */
function randomPin(): string {
  return String(100_000 + randomInt(900_000));
}
