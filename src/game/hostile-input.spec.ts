import { afterAll, describe, expect, test } from '@jest/globals';
import { everyTypeRound, testSettings } from '../../test/support/fixtures.js';
import { runnerOver } from '../../test/support/runner-harness.js';
import { RedisTestKeys } from '../../test/support/redis.js';
import { SystemClock } from '../common/clock/clock.js';
import { ManualClock } from '../common/clock/manual-clock.js';
import * as engine from './engine/index.js';
import { GameError } from '../common/game-error.js';
import { GameTimers, TIMER_RETRY_MS } from './game-timers.js';
import type { GameStore } from './store/game-store.js';
import { MemoryGameStore } from './store/memory-game-store.js';
import { RedisGameStore } from './store/redis-game-store.js';
import { parseToken } from './tokens.js';

const settle = () => new Promise((resolve) => setImmediate(resolve));
const redis = new RedisTestKeys();
afterAll(() => redis.cleanup());

describe('one bad change fails alone', () => {
  test('a change that throws unexpectedly is refused INTERNAL_ERROR; the changes batched with it commit', async () => {
    const clock = new ManualClock();
    const store = new MemoryGameStore(clock);
    const runner = runnerOver(store, clock);
    const { game } = await runner.create(testSettings(), everyTypeRound());
    await runner.join(game.pin, 'Ana');
    // Issued in one tick, so they are applied in one transaction (group commit).
    const outcomes = await Promise.allSettled([
      runner.command(game.id, (g) => engine.setLocked(g, true)),
      runner.command(game.id, () => {
        throw new TypeError('a defect reached by hostile input');
      }),
      runner.command(game.id, (g) => engine.setLocked(g, false)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(((outcomes[1] as PromiseRejectedResult).reason as GameError).code).toBe('INTERNAL_ERROR');
    expect((await runner.join(game.pin, 'Beto')).snapshot.me.nickname).toBe('Beto');
  });
});

describe('game timers', () => {
  test('a timer whose change fails unexpectedly tries again, backing off, until it succeeds', async () => {
    const clock = new ManualClock();
    const calls: number[] = [];
    const timers = new GameTimers(clock, async () => {
      calls.push(clock.now());
      if (calls.length < 4) throw new TypeError('store answered nonsense');
    });
    const t0 = clock.now();
    timers.set('g', t0 + 100);
    for (let i = 0; i < 100; i++) {
      clock.advance(100);
      await settle();
    }
    expect(calls.map((at) => at - t0)).toEqual([100, 100 + TIMER_RETRY_MS, 100 + TIMER_RETRY_MS * 3, 100 + TIMER_RETRY_MS * 7]);
  });

  test('a game that is gone stops its timer', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const timers = new GameTimers(clock, async () => {
      calls++;
      throw new GameError('GAME_NOT_FOUND');
    });
    timers.set('g', clock.now() + 10);
    for (let i = 0; i < 5; i++) {
      clock.advance(TIMER_RETRY_MS * 40);
      await settle();
    }
    expect(calls).toBe(1);
  });
});

describe('tokens', () => {
  test('every part is checked against the shape the server hands out', () => {
    const id = 'AbC_dEf-1234';
    const secret = 'x'.repeat(32);
    expect(parseToken(`${id}.${id}.${secret}`)).toEqual({ gameId: id, playerId: id, secret });
    expect(parseToken(`${id}.${secret}`)).toEqual({ gameId: id, playerId: null, secret });
    for (const bad of [
      `${id}.__proto__.${secret}`,
      `${id}.constructor.${secret}`,
      `__proto__.${secret}`,
      `${id}.${id}.x`,
      `${id}.${id}.${secret}.${secret}`,
      '',
    ]) {
      expect(parseToken(bad)).toBeNull();
    }
  });
});

describe.each<[string, () => GameStore]>([
  ['memory', () => new MemoryGameStore(new SystemClock())],
  ['redis', () => new RedisGameStore(redis.client())],
])('client-keyed tables have no prototype (%s store)', (_name, make) => {
  test('names like "constructor" are ordinary keys, in a new game and in a loaded one', async () => {
    const store = make();
    const game = engine.newGame(
      {
        id: `proto-${Math.random()}`,
        pin: String(300_000 + Math.floor(Math.random() * 600_000)),
        hostSecretHash: 'h',
        settings: testSettings(),
        questions: everyTypeRound(),
      },
      0,
    );
    for (const [i, nickname] of ['constructor', '__proto__', 'toString'].entries()) engine.addPlayer(game, `p${i}`, nickname, 0);
    expect(await store.insert(game)).toBe(true);
    const loaded = (await store.load(game.id))!.game;
    expect(Object.keys(loaded.nicknames).sort()).toEqual(['__proto__', 'constructor', 'tostring']);
    for (const table of [loaded.players, loaded.nicknames, loaded.credentials.players]) {
      expect(Object.getPrototypeOf(table)).toBeNull();
      expect(Reflect.get(table, 'hasOwnProperty')).toBeUndefined();
    }
    expect(() => engine.kickPlayer(loaded, 'constructor', 0)).toThrow(GameError);
    engine.startGame(loaded, 1);
    expect(Object.getPrototypeOf(loaded.answers[0])).toBeNull();
  });
});

describe('removing players', () => {
  const lobby = () => {
    const game = engine.newGame({ id: 'g', pin: '123456', hostSecretHash: 'h', settings: testSettings(), questions: everyTypeRound() }, 0);
    engine.addPlayer(game, 'early', 'Early', 1_000);
    engine.addPlayer(game, 'late1', 'Late one', 50_000);
    engine.addPlayer(game, 'late2', 'Late two', 55_000);
    game.credentials.players.early = 'hash';
    return game;
  };

  test('a withdrawn player leaves no trace in the lobby, is kicked mid-game and only leaves from the podium on', () => {
    const inLobby = lobby();
    expect(engine.withdrawPlayer(inLobby, 'early', 60_000)).toEqual([{ type: 'lobby-changed', playerId: 'early' }]);
    expect([inLobby.players.early, inLobby.nicknames.early, inLobby.credentials.players.early]).toEqual([undefined, undefined, undefined]);
    expect(engine.withdrawPlayer(inLobby, 'nobody', 60_000)).toEqual([]);

    const playing = lobby();
    engine.startGame(playing, 60_000);
    engine.withdrawPlayer(playing, 'early', 61_000);
    expect(playing.players.early).toMatchObject({ kicked: true, connected: false });
    expect(playing.nicknames.early).toBeUndefined();

    const finished = lobby();
    engine.startGame(finished, 60_000);
    engine.endGame(finished, 61_000);
    expect(finished.phase).toBe('podium');
    engine.withdrawPlayer(finished, 'early', 62_000);
    expect(finished.players.early).toMatchObject({ kicked: false, connected: false });
  });

  test('kickPlayers removes a list, or everyone who joined since a moment; unknown and removed ids are skipped', () => {
    const byList = lobby();
    engine.kickPlayers(byList, { playerIds: ['early', 'nobody', 'early'] }, 60_000);
    expect(
      Object.values(byList.players)
        .filter((p) => p.kicked)
        .map((p) => p.id),
    ).toEqual(['early']);
    const recent = lobby();
    engine.kickPlayers(recent, { joinedSince: 50_000 }, 60_000);
    expect(
      Object.values(recent.players)
        .filter((p) => p.kicked)
        .map((p) => p.id),
    ).toEqual(['late1', 'late2']);
    expect(engine.kickPlayers(recent, {}, 60_000)).toEqual([]);
  });
});
