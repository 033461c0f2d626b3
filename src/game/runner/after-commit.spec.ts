import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { validateConfig } from '../../config/app-config.js';
import { HistoryOutbox } from '../../history/history-outbox.js';
import { MemoryHistoryStore } from '../../history/memory-history.store.js';
import { RecordingBroadcaster } from '../../../test/support/recording-broadcaster.js';
import { captureLogs, gameWithPlayers, nth, runnerHarness, settle, type RunnerHarness } from '../../../test/support/runner-harness.js';
import * as engine from '../engine/index.js';
import type { GameEvent, GameState } from '../engine/index.js';
import { GamePublisher } from '../game-publisher.js';
import type { ServerEvent, ServerEvents } from '../../protocol/index.js';

/** A broadcaster whose next send of one event throws, as a socket.io adapter that lost its connection does. */
class FlakyBroadcaster extends RecordingBroadcaster {
  failNext: ServerEvent | null = null;

  override toGame<E extends ServerEvent>(gameId: string, event: E, payload: ServerEvents[E]): void {
    this.maybeFail(event);
    super.toGame(gameId, event, payload);
  }

  override toPlayer<E extends ServerEvent>(gameId: string, playerId: string, event: E, payload: ServerEvents[E]): void {
    this.maybeFail(event);
    super.toPlayer(gameId, playerId, event, payload);
  }

  private maybeFail(event: ServerEvent): void {
    if (event !== this.failNext) return;
    this.failNext = null;
    throw new Error(`adapter lost sending ${event}`);
  }
}

/** A publisher that throws on its next call (a bug in a view, say). */
class ThrowingPublisher extends GamePublisher {
  throwNext = false;

  override async publish(game: GameState, events: GameEvent[]): Promise<void> {
    if (this.throwNext) {
      this.throwNext = false;
      throw new Error('a fault while publishing');
    }
    return super.publish(game, events);
  }
}

describe('side effects after a commit', () => {
  let out: FlakyBroadcaster;
  let h: RunnerHarness;
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(() => {
    logs = captureLogs();
    out = new FlakyBroadcaster();
    h = runnerHarness({
      out,
      publisher: ({ clock, store }) => new ThrowingPublisher(out, store, new HistoryOutbox(new MemoryHistoryStore()), clock, validateConfig({})),
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('a broadcast that throws: the command still succeeds, the failure is logged, the timer fires, later events go out', async () => {
    const { gameId, players } = await gameWithPlayers(h.runner, ['Ana', 'Beto']);
    out.failNext = 'question:open';

    await expect(h.runner.command(gameId, (g, now) => engine.startGame(g, now))).resolves.toMatchObject({ phase: 'question' });

    expect(out.events()).not.toContain('question:open');
    expect(logs.erred(`publishing question-opened of game ${gameId}`)).toBe(true);
    // Nobody answers: only the game's timer can close the question.
    h.clock.advance(20_500);
    await settle();
    expect(out.last('question:reveal')).toMatchObject({ index: 0 });
    expect(out.last('player:result', nth(players, 1).playerId)).toMatchObject({ answered: false });
  });

  test('of several events in one commit, one failing does not keep the others from going out', async () => {
    const { gameId, players } = await gameWithPlayers(h.runner, ['Ana', 'Beto']);
    const [ana, beto] = [nth(players, 0), nth(players, 1)];
    out.failNext = 'player:kicked';

    await h.runner.command(gameId, (g, now) => engine.kickPlayers(g, { playerIds: [ana.playerId, beto.playerId] }, now));

    expect(() => out.last('player:kicked', ana.playerId)).toThrow();
    expect(out.last('player:kicked', beto.playerId)).toBeDefined();
    expect(out.disconnected).toEqual([beto.playerId]);
    expect(logs.erred(`publishing player-kicked of game ${gameId}`)).toBe(true);
  });

  test('a publisher that throws: the command still succeeds and the game timer was set before it', async () => {
    const { gameId } = await gameWithPlayers(h.runner, ['Ana']);
    (h.publisher as ThrowingPublisher).throwNext = true;

    await expect(h.runner.command(gameId, (g, now) => engine.startGame(g, now))).resolves.toMatchObject({ phase: 'question' });

    expect(logs.erred(`of game ${gameId} after its commit`)).toBe(true);
    h.clock.advance(20_500);
    await settle();
    expect(out.last('question:reveal')).toMatchObject({ index: 0 });
    expect(await h.store.stored(gameId)).toMatchObject({ phase: 'reveal' });
  });

  test('a host update whose load fails is logged and sent with the next one: the lobby misses no one', async () => {
    const { gameId, pin } = await gameWithPlayers(h.runner, []);
    for (const name of ['Ana', 'Beto', 'Carla']) await h.runner.join(pin, name);
    h.store.failLoads = 1;
    h.clock.advance(200);
    await settle();
    expect(out.events('host')).not.toContain('lobby:update');
    expect(logs.erred(`host update of game ${gameId}`)).toBe(true);

    h.clock.advance(200);
    await settle();
    const update = out.last('lobby:update', 'host');
    expect(update.changed.map((p) => p.nickname)).toEqual(['Ana', 'Beto', 'Carla']);
    expect(update.count).toBe(3);
  });
});
