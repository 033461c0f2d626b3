import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { captureLogs, gameWithPlayers, runnerHarness, settle, type RunnerHarness } from '../../../test/support/runner-harness.js';
import * as engine from '../engine/index.js';
import { TIMER_RETRY_MS } from '../game-timers.js';

/**
 * A server that starts on a store already holding a running game (the
 * embedded journal's recovered games): the game's timer must be set again,
 * even if the store refuses the first tries.
 */
describe('GameSchedule (through GameRunner)', () => {
  let before: RunnerHarness;
  let after: RunnerHarness;
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(async () => {
    logs = captureLogs();
    before = runnerHarness();
    const { gameId } = await gameWithPlayers(before.runner, ['Ana']);
    await before.runner.command(gameId, (g, now) => engine.startGame(g, now));
    // The server that started the game is gone; its timers with it.
    await before.runner.onModuleDestroy();
    after = runnerHarness({ store: before.store, clock: before.clock });
  });

  afterEach(async () => {
    await after.runner.onModuleDestroy();
    jest.restoreAllMocks();
  });

  test('games in the store at start get their timers again', async () => {
    after.runner.onModuleInit();
    await settle();
    after.clock.advance(20_500);
    await settle();
    expect(after.out.last('question:reveal')).toMatchObject({ index: 0 });
  });

  test('a store that cannot list its games at start is asked again', async () => {
    after.store.failListings = 2;
    after.runner.onModuleInit();
    await settle();
    expect(logs.warned('Live games not listed at start')).toBe(true);
    for (let i = 0; i < 2; i++) {
      after.clock.advance(TIMER_RETRY_MS);
      await settle();
    }
    after.clock.advance(20_500);
    await settle();
    expect(after.out.last('question:reveal')).toMatchObject({ index: 0 });
  });

  test('a timer that could not be refreshed from the store fires soon and sets itself from fresh state', async () => {
    after.store.failLoads = 1;
    after.runner.onModuleInit();
    await settle();
    expect(logs.warned('not refreshed')).toBe(true);
    after.clock.advance(TIMER_RETRY_MS);
    await settle();
    expect(after.out.events()).not.toContain('question:reveal');
    after.clock.advance(20_500 - TIMER_RETRY_MS);
    await settle();
    expect(after.out.last('question:reveal')).toMatchObject({ index: 0 });
  });
});
