import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { ManualClock } from '../../common/clock/manual-clock.js';
import { captureLogs, ControlledStore, gameWithPlayers, nth, runnerHarness, settle, type RunnerHarness } from '../../../test/support/runner-harness.js';
import * as engine from '../engine/index.js';

/**
 * Two instances sharing one store that hands out copies (as Redis does):
 * `here` scores answers against the state it knows, `elsewhere` changes the
 * game behind its back.
 */
describe('AnswerIntake (through GameRunner)', () => {
  let store: ControlledStore;
  let here: RunnerHarness;
  let elsewhere: RunnerHarness;

  beforeEach(() => {
    captureLogs();
    const clock = new ManualClock();
    store = new ControlledStore(clock);
    store.copies = true;
    here = runnerHarness({ store, clock });
    elsewhere = runnerHarness({ store, clock });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  async function startedGame() {
    const { gameId, players } = await gameWithPlayers(here.runner, ['Ana', 'Beto']);
    await here.runner.command(gameId, (g, now) => engine.startGame(g, now));
    return { gameId, ana: nth(players, 0), beto: nth(players, 1) };
  }

  test('an answer scored against a question paused and resumed elsewhere is scored again on fresh state', async () => {
    const { gameId, ana } = await startedGame();
    here.clock.advance(5_000);
    await elsewhere.runner.command(gameId, (g, now) => engine.pauseGame(g, now));
    here.clock.advance(10_000);
    await elsewhere.runner.command(gameId, (g, now) => engine.resumeGame(g, now));
    here.clock.advance(1_000);
    const loads = store.loads;

    await expect(here.runner.answer(gameId, ana.playerId, 0, 1)).resolves.toEqual({ received: true });

    // Scored against the stale state it would have taken 16 s; the pause is not the player's time.
    const answers = nth(await store.answersOf(gameId, 1), 0);
    expect(answers[ana.playerId]).toMatchObject({ responseMs: 6_000, correct: true });
    expect(store.loads - loads).toBe(1);
  });

  test('an answer to a question closed elsewhere is refused after one fresh load, not kept', async () => {
    const { gameId, ana } = await startedGame();
    here.clock.advance(1_000);
    await elsewhere.runner.command(gameId, (g) => engine.skipQuestion(g));
    const loads = store.loads;

    await expect(here.runner.answer(gameId, ana.playerId, 0, 1)).rejects.toMatchObject({ code: 'TOO_LATE' });
    expect(store.loads - loads).toBe(1);
    const answers = nth(await store.answersOf(gameId, 1), 0);
    expect(answers[ana.playerId]).toBeUndefined();
  });

  test('a repeated answer gets the same ack, even after the question closed, and the first one stands', async () => {
    const { gameId, ana } = await startedGame();
    here.clock.advance(1_000);
    await here.runner.answer(gameId, ana.playerId, 0, 1);
    await here.runner.answer(gameId, ana.playerId, 0, 2);
    await elsewhere.runner.command(gameId, (g) => engine.skipQuestion(g));
    await expect(here.runner.answer(gameId, ana.playerId, 0, 3)).resolves.toEqual({ received: true });
    const answers = nth(await store.answersOf(gameId, 1), 0);
    expect(answers[ana.playerId]).toMatchObject({ answer: 1, responseMs: 1_000 });
  });

  test('the last awaited answer closes the question at once, without waiting for the deadline', async () => {
    const { gameId, ana, beto } = await startedGame();
    here.clock.advance(1_000);
    await here.runner.answer(gameId, ana.playerId, 0, 1);
    expect(here.out.events()).not.toContain('question:reveal');
    await here.runner.answer(gameId, beto.playerId, 0, 0);
    await settle();
    expect(here.out.last('question:reveal')).toMatchObject({ index: 0 });
  });
});
