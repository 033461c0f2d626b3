import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { captureLogs, gameWithPlayers, nth, runnerHarness, settle, type RunnerHarness } from '../../../test/support/runner-harness.js';
import * as engine from '../engine/index.js';
import { TIMER_RETRY_MS } from '../game-timers.js';

describe('departures the store refused at first (through GameRunner)', () => {
  let h: RunnerHarness;
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(() => {
    logs = captureLogs();
    h = runnerHarness();
    // As from Redis: a change whose commit fails leaves the stored game as it was.
    h.store.copies = true;
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  async function startedGame(names = ['Ana', 'Beto']) {
    const game = await gameWithPlayers(h.runner, names);
    await h.runner.command(game.gameId, (g, now) => engine.startGame(g, now));
    return game;
  }

  test('a host departure the store refused is logged, retried, and still pauses the game', async () => {
    const { gameId } = await startedGame();
    h.store.failCommits = 1;

    await expect(h.runner.detachHost(gameId)).resolves.toBeUndefined();

    expect(logs.warned(`Host departure in game ${gameId} not applied (TRY_AGAIN)`)).toBe(true);
    expect(await h.store.stored(gameId)).toMatchObject({ hostConnected: true });
    h.clock.advance(TIMER_RETRY_MS);
    await settle();
    expect(await h.store.stored(gameId)).toMatchObject({ hostConnected: false });
    h.clock.advance(15_000);
    await settle();
    expect(h.out.last('game:paused')).toMatchObject({ byHostAbsence: true, reason: 'host-absent' });
  });

  test('retries go on while the store stays away', async () => {
    const { gameId } = await startedGame();
    h.store.failCommits = 3;
    await h.runner.detachHost(gameId);
    for (let i = 0; i < 3; i++) {
      h.clock.advance(TIMER_RETRY_MS);
      await settle();
    }
    expect(await h.store.stored(gameId)).toMatchObject({ hostConnected: false });
  });

  test('a host who attaches again before the retry is not marked absent by it', async () => {
    const { gameId, hostToken } = await startedGame();
    h.store.failCommits = 1;
    await h.runner.detachHost(gameId);
    await h.runner.attachHost(hostToken);

    h.clock.advance(TIMER_RETRY_MS + 16_000);
    await settle();
    expect(await h.store.stored(gameId)).toMatchObject({ hostConnected: true });
    expect(h.out.events()).not.toContain('game:paused');
  });

  test('a wrong host token does not cancel a departure still owed', async () => {
    const { gameId } = await startedGame();
    h.store.failCommits = 1;
    await h.runner.detachHost(gameId);
    await expect(h.runner.attachHost(`${gameId}.${'x'.repeat(32)}`)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    h.clock.advance(TIMER_RETRY_MS);
    await settle();
    expect(await h.store.stored(gameId)).toMatchObject({ hostConnected: false });
  });

  test('a player departure the store refused is retried, unless the player resumed meanwhile', async () => {
    const { gameId, players } = await startedGame();
    const [ana, beto] = [nth(players, 0), nth(players, 1)];
    h.store.failCommits = 2;
    await h.runner.playerLeft(gameId, ana.playerId);
    await h.runner.playerLeft(gameId, beto.playerId);
    expect(logs.warned(`Departure of player ${ana.playerId} in game ${gameId} not applied`)).toBe(true);
    await h.runner.resume(beto.playerToken);

    h.clock.advance(TIMER_RETRY_MS);
    await settle();
    const stored = await h.store.stored(gameId);
    expect(stored.players[ana.playerId]).toMatchObject({ connected: false });
    expect(stored.players[beto.playerId]).toMatchObject({ connected: true });
  });

  test('a withdrawal the store refused is retried: the old player goes', async () => {
    const { gameId, players } = await gameWithPlayers(h.runner, ['Ana']);
    h.store.failCommits = 1;
    await h.runner.withdraw(gameId, nth(players, 0).playerId);
    h.clock.advance(TIMER_RETRY_MS);
    await settle();
    expect((await h.store.stored(gameId)).players[nth(players, 0).playerId]).toBeUndefined();
  });

  test('a departure from a game that is gone is dropped quietly', async () => {
    await expect(h.runner.detachHost('AAAAAAAAAAAA')).resolves.toBeUndefined();
    expect(logs.warnings()).toBe(0);
  });
});
