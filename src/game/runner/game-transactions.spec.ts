import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { captureLogs, gameWithPlayers, nth, runnerHarness, settle, type RunnerHarness } from '../../../test/support/runner-harness.js';
import * as engine from '../engine/index.js';
import type { GameError } from '../../common/game-error.js';
import { MAX_ATTEMPTS } from './game-transactions.js';

describe('GameTransactions (through GameRunner)', () => {
  let h: RunnerHarness;
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(() => {
    h = runnerHarness();
    logs = captureLogs();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('changes that arrive while the game is busy are one load and one commit, each failing alone', async () => {
    const { gameId, pin } = await gameWithPlayers(h.runner, ['Ana']);
    const release = h.store.hold();
    const first = h.runner.command(gameId, () => []);
    await settle();
    const before = { loads: h.store.loads, commits: h.store.commits };
    const burst = [
      h.runner.join(pin, 'Beto'),
      h.runner.join(pin, 'Carla'),
      // Sees the join just before it in the same batch.
      h.runner.join(pin, 'beto'),
      h.runner.command(gameId, () => {
        throw new TypeError('a fault in one change');
      }),
      h.runner.join(pin, 'Dani'),
    ];
    await settle();
    release();
    const [, ...settled] = await Promise.allSettled([first, ...burst]);

    // One load for the whole burst (the held change had loaded already); one commit for it, one for the held change.
    expect(h.store.loads - before.loads).toBe(1);
    expect(h.store.commits - before.commits).toBe(2);
    expect(settled.map((s) => (s.status === 'fulfilled' ? 'ok' : (s.reason as GameError).code))).toEqual([
      'ok',
      'ok',
      'NICKNAME_TAKEN',
      'INTERNAL_ERROR',
      'ok',
    ]);
    expect(logs.erred(`change to game ${gameId}`)).toBe(true);
    const stored = await h.store.stored(gameId);
    expect(Object.values(stored.players).map((p) => p.nickname)).toEqual(['Ana', 'Beto', 'Carla', 'Dani']);
  });

  test('a batch the engine refuses entirely is not committed', async () => {
    const { gameId } = await gameWithPlayers(h.runner, []);
    const commits = h.store.commits;
    await expect(h.runner.command(gameId, (g, now) => engine.startGame(g, now))).rejects.toMatchObject({ code: 'NO_PLAYERS' });
    expect(h.store.commits).toBe(commits);
  });

  test('a game whose compare-and-set never succeeds: TRY_AGAIN after the last attempt, nothing half-applied', async () => {
    const { gameId, players } = await gameWithPlayers(h.runner, ['Ana']);
    h.store.copies = true;
    h.store.refuseCommits = true;
    const before = { loads: h.store.loads, commits: h.store.commits };

    await expect(h.runner.command(gameId, (g, now) => engine.startGame(g, now))).rejects.toMatchObject({ code: 'TRY_AGAIN' });

    expect(h.store.loads - before.loads).toBe(MAX_ATTEMPTS);
    expect(h.store.commits - before.commits).toBe(MAX_ATTEMPTS);
    expect(await h.store.stored(gameId)).toMatchObject({ phase: 'lobby', startedAt: null });
    expect(h.out.events()).not.toContain('question:open');
    // No timer was set for the refused start, and answers are not scored against the refused state.
    h.clock.advance(60_000);
    await settle();
    expect(h.out.events()).not.toContain('question:reveal');
    await expect(h.runner.answer(gameId, nth(players, 0).playerId, 0, 1)).rejects.toMatchObject({ code: 'NOT_OPEN' });

    // The same command goes through once the store takes commits again.
    h.store.refuseCommits = false;
    await expect(h.runner.command(gameId, (g, now) => engine.startGame(g, now))).resolves.toMatchObject({ phase: 'question' });
    expect(h.out.last('question:open')).toMatchObject({ index: 0 });
  });

  test('a store that is unreachable at commit makes the change TRY_AGAIN at once', async () => {
    const { gameId } = await gameWithPlayers(h.runner, ['Ana']);
    h.store.failCommits = 1;
    const commits = h.store.commits;
    await expect(h.runner.command(gameId, (g) => engine.setLocked(g, true))).rejects.toMatchObject({ code: 'TRY_AGAIN' });
    expect(h.store.commits - commits).toBe(1);
    await expect(h.runner.command(gameId, (g) => engine.setLocked(g, true))).resolves.toMatchObject({ locked: true });
  });
});
