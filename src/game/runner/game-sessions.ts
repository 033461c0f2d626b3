import { randomInt } from 'node:crypto';
import type { Clock } from '../../common/clock/clock.js';
import type { GameCoordinator } from '../coordination/game-coordinator.js';
import * as engine from '../engine/index.js';
import { GameError } from '../../common/game-error.js';
import { type GameState, type PlayerState } from '../engine/index.js';
import type { JoinResult, ResumeResult } from '../../protocol/index.js';
import type { GameStore } from '../store/game-store.js';
import { hashSecret, newId, newSecret, parseToken, secretMatches } from '../tokens.js';
import type { GameTransactions } from './game-transactions.js';
import type { KnownGames } from './known-games.js';
import type { RetriedChanges } from './retried-changes.js';
import type { StoreGuard } from './store-guard.js';

/** New PINs tried before giving up: only a server holding a good share of the 900,000 PINs runs out. */
const PIN_ATTEMPTS = 50;
const HOST = 'host';
const player = (playerId: string) => `player:${playerId}`;

export interface SessionDeps {
  store: GameStore;
  clock: Clock;
  coordinator: GameCoordinator;
  known: KnownGames;
  transactions: GameTransactions;
  retried: RetriedChanges;
  guard: StoreGuard;
  /** Sets the new game's timer (GameSchedule.reschedule). */
  reschedule: (game: GameState) => void;
}

/**
 * Who is in a game: the PIN and the host's token at creation, players
 * joining with a nickname and resuming with their token (the store keeps
 * only a hash of each secret), and connections going. A departure must
 * reach the game even if the store refuses it at that moment (RetriedChanges):
 * a host never marked absent would keep the game from ever pausing.
 */
export class GameSessions {
  constructor(private readonly deps: SessionDeps) {}

  async create(settings: engine.GameSettings, questions: engine.RoundQuestion[]): Promise<{ game: GameState; hostToken: string }> {
    const { store, clock, guard } = this.deps;
    const secret = newSecret();
    for (let attempt = 0; attempt < PIN_ATTEMPTS; attempt++) {
      const game = engine.newGame({ id: newId(), pin: randomPin(), hostSecretHash: hashSecret(secret), settings, questions }, clock.now());
      if (await guard(() => store.insert(game))) {
        this.deps.known.remember(game);
        this.deps.coordinator.created(game.id);
        this.deps.reschedule(game);
        return { game, hostToken: `${game.id}.${secret}` };
      }
    }
    throw new GameError('INTERNAL_ERROR', 'No free game PIN: too many live games.');
  }

  async attachHost(hostToken: string): Promise<engine.HostSnapshot> {
    const parsed = parseToken(hostToken);
    if (!parsed || parsed.playerId !== null) throw new GameError('INVALID_TOKEN');
    return this.deps.transactions.run(parsed.gameId, (game, now) => {
      if (!secretMatches(parsed.secret, game.credentials.host)) throw new GameError('INVALID_TOKEN');
      // Only the real host's return cancels a departure still owed.
      this.deps.retried.supersede(game.id, HOST);
      engine.setHostConnected(game, true, now);
      return { result: engine.hostSnapshot(game, now), events: [] };
    });
  }

  detachHost(gameId: string): Promise<void> {
    return this.deps.retried.apply(gameId, HOST, 'Host departure', (game, now) => {
      engine.setHostConnected(game, false, now);
      return { result: undefined, events: [] };
    });
  }

  async join(pin: string, nickname: string, deviceId: string | null): Promise<JoinResult> {
    const gameId = await this.deps.guard(() => this.deps.store.findIdByPin(pin));
    if (!gameId) throw new GameError('GAME_NOT_FOUND');
    const playerId = newId();
    const secret = newSecret();
    return this.deps.transactions.run(gameId, (game, now) => {
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
    return this.deps.transactions.run(parsed.gameId, (game, now) => {
      if (!secretMatches(parsed.secret, game.credentials.players[playerId])) throw new GameError('INVALID_TOKEN');
      if (playerIn(game, playerId)?.kicked) throw new GameError('KICKED');
      this.deps.retried.supersede(game.id, player(playerId));
      const events = game.phase === 'ended' ? [] : engine.setPlayerConnected(game, playerId, true, now);
      return { result: { gameId: game.id, playerId, snapshot: engine.playerSnapshot(game, playerId, now) }, events };
    });
  }

  playerLeft(gameId: string, playerId: string): Promise<void> {
    return this.deps.retried.apply(gameId, player(playerId), `Departure of player ${playerId}`, (game, now) => {
      if (game.phase === 'ended' || playerIn(game, playerId)?.kicked) return { result: undefined, events: [] };
      return { result: undefined, events: engine.setPlayerConnected(game, playerId, false, now) };
    });
  }

  /** The connection that held this player joined again: the player goes (engine.withdrawPlayer). */
  withdraw(gameId: string, playerId: string): Promise<void> {
    return this.deps.retried.apply(gameId, player(playerId), `Withdrawal of player ${playerId}`, (game, now) => ({
      result: undefined,
      events: engine.withdrawPlayer(game, playerId, now),
    }));
  }
}

/** A player by id: undefined for an id the game does not hold (withdrawn, or never there). */
function playerIn(game: GameState, playerId: string): PlayerState | undefined {
  return game.players[playerId];
}

/** 6 digits, never starting with 0 (phones and spreadsheets drop leading zeros), not sequential. */
function randomPin(): string {
  return String(100_000 + randomInt(900_000));
}
