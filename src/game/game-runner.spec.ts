import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { everyTypeRound, testSettings } from '../../test/support/fixtures.js';
import { RecordingBroadcaster } from '../../test/support/recording-broadcaster.js';
import { ManualClock } from '../common/clock/manual-clock.js';
import { validateConfig } from '../config/app-config.js';
import { HistoryOutbox } from '../history/history-outbox.js';
import { MemoryHistoryStore } from '../history/memory-history.store.js';
import * as engine from './engine/index.js';
import { LocalCoordinator } from './coordination/game-coordinator.js';
import { GamePublisher } from './game-publisher.js';
import { GameRunner } from './game-runner.js';
import { MemoryGameStore } from './store/memory-game-store.js';

/** Lets queued runner work (promises) finish after the clock fires timers. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('GameRunner', () => {
  let clock: ManualClock;
  let out: RecordingBroadcaster;
  let history: MemoryHistoryStore;
  let runner: GameRunner;

  beforeEach(() => {
    clock = new ManualClock();
    out = new RecordingBroadcaster();
    history = new MemoryHistoryStore();
    const store = new MemoryGameStore(clock);
    runner = new GameRunner(store, new GamePublisher(out, store, new HistoryOutbox(history), clock, validateConfig({})), clock, new LocalCoordinator());
  });

  async function gameWithPlayers(names: string[]) {
    const { game, hostToken } = await runner.create(testSettings(), everyTypeRound());
    await runner.attachHost(hostToken);
    const players = [];
    for (const name of names) players.push(await runner.join(game.pin, name));
    return { game, hostToken, players };
  }

  test('a whole game runs on the clock: deadlines close questions, the host drives the rest', async () => {
    const { game, players } = await gameWithPlayers(['Ana', 'Beto']);
    const ana = players[0]!;
    const beto = players[1]!;
    await runner.command(game.id, (g, now) => engine.startGame(g, now));
    for (let i = 0; i < 5; i++) {
      expect(out.last('question:open')).toMatchObject({ index: i, total: 5 });
      clock.advance(1_000);
      if (i !== 3) await runner.answer(game.id, ana.playerId, i, [1, [0, 1], 0, '', [1, 2, 0]][i]!);
      // Beto never answers: only the clock can close the question.
      clock.advance(20_000);
      await settle();
      expect(out.last('question:reveal')).toMatchObject({ index: i });
      await runner.command(game.id, (g, now) => engine.advance(g, now));
      if (i < 4) await runner.command(game.id, (g, now) => engine.advance(g, now));
    }
    // The host gets the whole leaderboard; each phone its own standing and the podium.
    const over = out.last('game:over', 'host') as engine.GameOverView;
    expect(out.last('game:over', beto.playerId)).toEqual({
      podium: over.podium.map(engine.podiumEntry),
      me: over.leaderboard[1],
      total: 2,
      endReason: 'completed',
      historySaved: true,
    });
    // Ana answers right after 1 s each time (975 points) but skips the typed question, which resets her streak.
    const speed = Math.round((1 - 1_000 / 20_000 / 2) * 1000);
    expect(over.leaderboard.map((p) => [p.nickname, p.score])).toEqual([
      ['Ana', speed * 4 + 100 + 200],
      ['Beto', 0],
    ]);
    expect(await history.get(game.id)).toMatchObject({ endReason: 'completed', leaderboard: [{ nickname: 'Ana' }, { nickname: 'Beto' }] });
    expect(out.last('player:result', beto.playerId)).toMatchObject({ answered: false, score: 0, rank: 2 });
  });

  test('no message before a reveal carries the correct answer or a verdict', async () => {
    const { game, players } = await gameWithPlayers(['Ana', 'Beto']);
    await runner.command(game.id, (g, now) => engine.startGame(g, now));
    await runner.answer(game.id, players[0]!.playerId, 0, 1);
    clock.advance(200);
    await settle();
    const beforeReveal = JSON.stringify(out.sent);
    expect(beforeReveal).not.toMatch(/"correct"|"accepted"|"points"|"explanation"/);
    expect(out.events('host')).toContain('question:progress');
    await runner.answer(game.id, players[1]!.playerId, 0, 0);
    await settle();
    expect(out.events()).toContain('question:reveal');
  });

  test('joins and answers reach the host coalesced, not one message each', async () => {
    const { game } = await gameWithPlayers([]);
    for (let i = 0; i < 30; i++) await runner.join(game.pin, `p${i}`);
    expect(out.events('host').filter((e) => e === 'lobby:update')).toHaveLength(0);
    clock.advance(200);
    await settle();
    expect(out.events('host').filter((e) => e === 'lobby:update')).toHaveLength(1);
    expect(out.last('lobby:update').count).toBe(30);
  });

  test('resume restores the player, their score and whether they answered', async () => {
    const { game, players } = await gameWithPlayers(['Ana', 'Beto']);
    const ana = players[0]!;
    await runner.command(game.id, (g, now) => engine.startGame(g, now));
    await runner.answer(game.id, ana.playerId, 0, 1);
    await runner.playerLeft(game.id, ana.playerId);
    const back = await runner.resume(ana.playerToken);
    expect(back).toMatchObject({ playerId: ana.playerId, snapshot: { answered: true, phase: 'question', question: { index: 0 } } });
    await expect(runner.resume(`${game.id}.${ana.playerId}.wrong-secret`)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    await expect(runner.resume('garbage')).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  test('a kicked player is told, disconnected, and cannot come back with the token', async () => {
    const { game, players } = await gameWithPlayers(['Ana']);
    await runner.command(game.id, (g, now) => engine.kickPlayer(g, players[0]!.playerId, now));
    expect(out.last('player:kicked', players[0]!.playerId)).toBeDefined();
    expect(out.disconnected).toEqual([players[0]!.playerId]);
    await expect(runner.resume(players[0]!.playerToken)).rejects.toMatchObject({ code: 'KICKED' });
  });

  test('the host token is checked; the wrong one is refused', async () => {
    const { game, hostToken } = await gameWithPlayers([]);
    await expect(runner.attachHost(`${game.id}.nope`)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    await expect(runner.attachHost(`${hostToken}.extra`)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    await expect(runner.join('000000', 'Ana')).rejects.toMatchObject({ code: 'GAME_NOT_FOUND' });
  });

  test('a game whose host is gone pauses, and is abandoned into history after a long absence', async () => {
    const { game, players } = await gameWithPlayers(['Ana', 'Beto']);
    await runner.command(game.id, (g, now) => engine.startGame(g, now));
    await runner.answer(game.id, players[0]!.playerId, 0, 1);
    await runner.detachHost(game.id);
    clock.advance(15_000);
    await settle();
    expect(out.last('game:paused')).toEqual({ remainingMs: 5_000, byHostAbsence: true, reason: 'host-absent' });
    clock.advance(30 * 60_000);
    await settle();
    // game:over goes to the host and to each phone on its own, then the room hears the game is closed.
    expect(out.events().slice(-2)).toEqual(['game:over', 'game:ended']);
    expect(out.events('host')).toContain('game:over');
    expect(await history.get(game.id)).toMatchObject({ endReason: 'abandoned' });
  });

  test('a pause undone in the same batch of changes announces only the resume, and is no fault', async () => {
    const { game } = await gameWithPlayers(['Ana']);
    await runner.command(game.id, (g, now) => engine.startGame(g, now));
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      // Both reach the game's queue before it runs: they are applied, committed and published as one change.
      await Promise.all([runner.command(game.id, (g, now) => engine.pauseGame(g, now)), runner.command(game.id, (g, now) => engine.resumeGame(g, now))]);
      expect(out.events()).not.toContain('game:paused');
      expect(out.last('game:resumed')).toMatchObject({ index: 0, paused: false });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  test('a question opened and skipped in the same batch still goes out, with no time left, before its reveal', async () => {
    const { game } = await gameWithPlayers(['Ana']);
    await runner.command(game.id, (g, now) => engine.startGame(g, now));
    await runner.command(game.id, (g) => engine.skipQuestion(g));
    await runner.command(game.id, (g, now) => engine.advance(g, now));
    const before = out.events().length;
    await Promise.all([runner.command(game.id, (g, now) => engine.advance(g, now)), runner.command(game.id, (g) => engine.skipQuestion(g))]);
    const sent = out.events().slice(before);
    expect(sent.filter((e) => e.startsWith('question:'))).toEqual(['question:open', 'question:reveal']);
    expect(out.last('question:open')).toMatchObject({ index: 1, remainingMs: 0 });
  });

  test('PINs are six digits and unique among live games', async () => {
    const pins = new Set<string>();
    for (let i = 0; i < 200; i++) pins.add((await runner.create(testSettings(), everyTypeRound())).game.pin);
    expect(pins.size).toBe(200);
    for (const pin of pins) expect(pin).toMatch(/^[1-9]\d{5}$/);
  });
});
