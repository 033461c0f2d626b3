import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { FaultLog } from '../common/fault-log.js';
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
 * Per-player messages (results, podium) go out this many at a time, with a
 * turn of the event loop between slices: a reveal to thousands of phones
 * must not hold the loop so long that socket.io's heartbeats and other
 * games' acks starve. The game's next change waits (it is queued behind this
 * publish), so the order of a game's messages never changes.
 */
const SEND_SLICE = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function sendInSlices<T>(items: Iterable<T>, send: (item: T) => void): Promise<void> {
  let sent = 0;
  for (const item of items) {
    send(item);
    if (++sent % SEND_SLICE === 0) await nextTurn();
  }
}

/**
 * Turns what the engine reports into the messages of docs/protocol.md: one
 * room broadcast per phase change, one result per player per reveal, and
 * join/answer counts for the host coalesced to a few per second. A game that
 * ends goes to history (once) before the podium is announced.
 */
@Injectable()
export class GamePublisher implements OnModuleDestroy {
  private readonly logger = new Logger(GamePublisher.name);
  private readonly faults = new FaultLog(this.logger);
  private readonly hostUpdates: HostUpdateBatcher<HostUpdate>;
  /** Per game, the players whose lobby entry changed since the host's last `lobby:update`. */
  private readonly lobbyChanges = new Map<string, Set<string>>();
  /** Games whose history record this instance saw stored (dropped when the game is retired). */
  private readonly recorded = new Set<string>();
  private stopped = false;

  constructor(
    private readonly out: GameBroadcaster,
    private readonly store: GameStore,
    private readonly history: HistoryOutbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.hostUpdates = new HostUpdateBatcher(clock, config.HOST_UPDATE_INTERVAL_MS, (id, kinds) => {
      void this.sendHostUpdates(id, kinds).catch((err: unknown) => this.hostUpdateFailed(id, kinds, err));
    });
    // A record that could not be stored at the podium is retried; the podium hears when it is in.
    history.onStored((gameId) => this.out.toGame(gameId, 'history:saved', { historyId: gameId }));
    history.onRecorded((gameId) => this.recorded.add(gameId));
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.hostUpdates.dropAll();
    this.lobbyChanges.clear();
  }

  /**
   * Makes sure a finished game's record is in history: true once it is
   * (at once, earlier, or it never started), false while it waits in this
   * instance's outbox. The record is built from the store (the game's final
   * commit and its answers), so any instance can do this for any game —
   * which is how a record survives the instance that ended the game.
   */
  async ensureHistory(game: GameState, leaderboard?: engine.RankedPlayer[]): Promise<boolean> {
    if (game.startedAt === null || this.recorded.has(game.id)) return true;
    if (this.history.isPending(game.id)) return false;
    const answers = await this.store.answersOf(game.id, game.index + 1);
    return this.history.save(buildHistoryRecord({ ...game, answers }, leaderboard));
  }

  /**
   * A finished game this instance drives (FinishedGames calls this): its
   * record is stored if it is not yet — the podium then hears
   * `history:saved` — and, once it is, an ended game is retired.
   */
  async settleFinished(game: GameState): Promise<void> {
    const known = this.recorded.has(game.id);
    const stored = await this.ensureHistory(game);
    if (stored && !known && game.startedAt !== null) this.out.toGame(game.id, 'history:saved', { historyId: game.id });
    if (stored && game.phase === 'ended') await this.retireWhenRecorded(game);
  }

  /**
   * An ended game leaves the store (its keys expire after the retention
   * delay) only once its record is in history: until then the store still
   * holds everything the record is built from, and whoever drives the game
   * next retries it (FinishedGames).
   */
  async retireWhenRecorded(game: GameState): Promise<boolean> {
    if (game.phase !== 'ended' || !(await this.ensureHistory(game))) return false;
    await this.store.retire(game.id, this.config.ENDED_GAME_RETENTION_MS);
    this.recorded.delete(game.id);
    return true;
  }

  /**
   * Publishes a committed change's events in order. Never rejects: the
   * change is already committed, so an event that fails to go out (a
   * broadcaster fault) is logged with its game and type, and the events
   * after it are still published.
   */
  async publish(game: GameState, events: GameEvent[]): Promise<void> {
    for (const event of events) {
      try {
        await this.publishOne(game, event);
      } catch (err) {
        this.faults.report(`publishing ${event.type} of game ${game.id}`, err);
      }
    }
    // Out before the change is acknowledged and before the game's next change, as when every send was immediate.
    try {
      await this.out.settled(game.id);
    } catch (err) {
      this.faults.report(`sending the events of game ${game.id}`, err);
    }
  }

  /** An answer was kept: the host's answered count is due for an update. */
  answerRecorded(gameId: string): void {
    this.hostUpdates.mark(gameId, 'progress');
  }

  private async publishOne(game: GameState, event: GameEvent): Promise<void> {
    const now = this.clock.now();
    switch (event.type) {
      case 'lobby-changed':
        if (event.playerId !== undefined) this.lobbyChangesOf(game.id).add(event.playerId);
        this.hostUpdates.mark(game.id, 'lobby');
        return;
      case 'answer-recorded':
        this.answerRecorded(game.id);
        return;
      case 'question-opened':
        this.out.toGame(game.id, 'question:open', engine.questionView(game, now));
        return;
      case 'question-closed':
        return this.publishReveal(game);
      case 'leaderboard-shown':
        this.out.toGame(game.id, 'leaderboard:update', engine.leaderboardView(game));
        return;
      case 'paused': {
        const paused = game.paused;
        // Events go out with the state their whole batch of changes left: a pause the same batch undid (a resume, a skip,
        // an end) is announced by that event instead.
        if (!paused) return;
        this.out.toGame(game.id, 'game:paused', {
          remainingMs: paused.remainingMs,
          byHostAbsence: paused.byHostAbsence,
          reason: paused.byHostAbsence ? 'host-absent' : 'host',
        });
        return;
      }
      case 'resumed':
        this.out.toGame(game.id, 'game:resumed', engine.questionView(game, now));
        return;
      case 'player-kicked':
        this.out.toPlayer(game.id, event.playerId, 'player:kicked', { message: 'The teacher removed you from the game.' });
        this.out.disconnectPlayer(game.id, event.playerId);
        return;
      case 'game-over':
        return this.publishGameOver(game);
      case 'game-ended':
        this.lobbyChanges.delete(game.id);
        this.out.toGame(game.id, 'game:ended', { reason: game.endReason });
        // A game not retired now is retired by FinishedGames' next sweep (every 5 s, by whoever drives it).
        await this.retireWhenRecorded(game).catch((err: unknown) => {
          this.logger.warn(`Retiring game ${game.id} failed (${describe(err)}); the finished-games sweep retries.`);
        });
        return;
    }
  }

  /**
   * The whole reveal (answer, explanation, the class's counts) goes to the host's screen; each phone gets its own
   * result, which is all a phone shows and what moves it to the reveal. At 10,000 phones the reveal was 10,000
   * copies of 750 bytes read by phones that used only its index; bare socket.io sending a reveal that size instead
   * of 100 bytes got its results to the last phone a fifth later (docs/benchmarks.md, "The last answer and the
   * reveal's size").
   */
  private async publishReveal(game: GameState): Promise<void> {
    this.hostUpdates.drop(game.id);
    this.out.toHost(game.id, 'question:reveal', engine.revealView(game));
    // One sort of the class per reveal: each result names the player just ahead. All are built in this turn: with
    // Redis another instance's next change can be applied to this state object while the slices go out.
    await sendInSlices(engine.playerResults(game), ([playerId, result]) => this.out.toPlayer(game.id, playerId, 'player:result', result));
    this.out.toHost(game.id, 'leaderboard:update', engine.leaderboardView(game));
  }

  private async publishGameOver(game: GameState): Promise<void> {
    // The class is ranked once, for history and for everyone's game:over (at 10,000 players, 10,000 objects each time).
    const leaderboard = engine.rankPlayers(game);
    // A failed write stays in the outbox and is retried; the podium shows "saving…" until history:saved.
    const historySaved =
      game.startedAt !== null &&
      (await this.ensureHistory(game, leaderboard).catch((err: unknown) => {
        // Not even queued (its answers could not be read): FinishedGames' sweep builds and stores it from the store.
        this.logger.warn(`History of game ${game.id} not kept at the podium (${describe(err)}); the finished-games sweep retries.`);
        return false;
      }));
    // The host gets the whole leaderboard (history has it too); each phone only its own standing and the podium.
    const over = engine.gameOverView(game, leaderboard);
    this.out.toHost(game.id, 'game:over', { ...over, historySaved });
    const podium = over.podium.map(engine.podiumEntry);
    await sendInSlices(over.leaderboard, (me) =>
      this.out.toPlayer(game.id, me.playerId, 'game:over', { ...engine.playerGameOverView(over, me, podium), historySaved }),
    );
  }

  private lobbyChangesOf(gameId: string): Set<string> {
    let changes = this.lobbyChanges.get(gameId);
    if (!changes) this.lobbyChanges.set(gameId, (changes = new Set()));
    return changes;
  }

  /** The load failed: the changes go back to wait for the next update, so the host's lobby misses no one. */
  private hostUpdateFailed(gameId: string, kinds: Set<HostUpdate>, err: unknown): void {
    this.faults.report(`host update of game ${gameId}`, err);
    if (!this.stopped) for (const kind of kinds) this.hostUpdates.mark(gameId, kind);
  }

  private async sendHostUpdates(gameId: string, kinds: Set<HostUpdate>): Promise<void> {
    const changed = kinds.has('lobby') ? (this.lobbyChanges.get(gameId) ?? new Set<string>()) : null;
    if (changed) this.lobbyChanges.delete(gameId);
    const loaded = await this.store.load(gameId).catch((err: unknown) => {
      // Taken before the load (a join during it belongs to the next update); put back for the retry.
      for (const id of changed ?? []) this.lobbyChangesOf(gameId).add(id);
      throw err;
    });
    if (!loaded) return;
    const { game } = loaded;
    if (changed) this.out.toHost(gameId, 'lobby:update', engine.lobbyUpdateView(game, changed));
    if (kinds.has('progress') && game.phase === 'question') {
      this.out.toHost(gameId, 'question:progress', engine.progressView(game, this.clock.now()));
    }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
