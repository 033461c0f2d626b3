import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { AppConfig } from '../config/app-config.js';
import { HistoryOutbox } from '../history/history-outbox.js';
import { buildHistoryRecord } from '../history/history-record.js';
import * as engine from './engine/index.js';
import type { GameEvent, GameState } from './engine/index.js';
import { GameBroadcaster } from './game-broadcaster.js';
import { HostUpdateBatcher } from './host-update-batcher.js';
import { GameStore } from './store/game-store.js';

type HostUpdate = 'lobby' | 'progress';

/**
 * Turns what the engine reports into the messages of docs/protocol.md: one
 * room broadcast per phase change, one result per player per reveal, and
 * join/answer counts for the host coalesced to a few per second. A game that
 * ends goes to history (once) before the podium is announced.
 */
@Injectable()
export class GamePublisher implements OnModuleDestroy {
  private readonly hostUpdates: HostUpdateBatcher<HostUpdate>;

  constructor(
    private readonly out: GameBroadcaster,
    private readonly store: GameStore,
    private readonly history: HistoryOutbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.hostUpdates = new HostUpdateBatcher(clock, config.HOST_UPDATE_INTERVAL_MS, (id, kinds) => {
      void this.sendHostUpdates(id, kinds).catch(() => undefined);
    });
    // A record that could not be stored at the podium is retried; the podium hears when it is in.
    history.onStored((gameId) => this.out.toGame(gameId, 'history:saved', { historyId: gameId }));
  }

  onModuleDestroy(): void {
    this.hostUpdates.dropAll();
  }

  async publish(game: GameState, events: GameEvent[]): Promise<void> {
    for (const event of events) await this.publishOne(game, event);
  }

  /** An answer was kept: the host's answered count is due for an update. */
  answerRecorded(gameId: string): void {
    this.hostUpdates.mark(gameId, 'progress');
  }

  private async publishOne(game: GameState, event: GameEvent): Promise<void> {
    const now = this.clock.now();
    switch (event.type) {
      case 'lobby-changed':
        return this.hostUpdates.mark(game.id, 'lobby');
      case 'answer-recorded':
        return this.answerRecorded(game.id);
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
          reason: game.paused!.byHostAbsence ? 'host-absent' : 'host',
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
        await this.store.retire(game.id, this.config.ENDED_GAME_RETENTION_MS).catch(() => undefined);
        return;
    }
  }

  private publishReveal(game: GameState): void {
    this.hostUpdates.drop(game.id);
    this.out.toGame(game.id, 'question:reveal', engine.revealView(game));
    // One ranking per reveal serves every player's result and the host's leaderboard.
    const ranked = engine.rankPlayers(game);
    for (const [playerId, result] of engine.playerResults(game, ranked)) {
      this.out.toPlayer(game.id, playerId, 'player:result', result);
    }
    this.out.toHost(game.id, 'leaderboard:update', engine.leaderboardView(game, ranked));
  }

  private async publishGameOver(game: GameState): Promise<void> {
    let historySaved = false;
    if (game.startedAt !== null) {
      const answers = await this.store.answersOf(game.id, game.index + 1);
      // A failed write stays in the outbox and is retried; the podium shows "saving…" until history:saved.
      historySaved = await this.history.save(buildHistoryRecord({ ...game, answers }));
    }
    this.out.toGame(game.id, 'game:over', { ...engine.gameOverView(game), historySaved });
  }

  private async sendHostUpdates(gameId: string, kinds: Set<HostUpdate>): Promise<void> {
    const loaded = await this.store.load(gameId);
    if (!loaded) return;
    const { game } = loaded;
    if (kinds.has('lobby')) this.out.toHost(gameId, 'lobby:update', engine.lobbyView(game));
    if (kinds.has('progress') && game.phase === 'question') {
      this.out.toHost(gameId, 'question:progress', engine.progressView(game, this.clock.now()));
    }
  }
}
