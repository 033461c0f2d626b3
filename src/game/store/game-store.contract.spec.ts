import { afterAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { everyTypeRound, testSettings } from '../../../test/support/fixtures.js';
import { RedisTestKeys } from '../../../test/support/redis.js';
import { SystemClock } from '../../common/clock/clock.js';
import * as engine from '../engine/index.js';
import type { AnswerRecord, GameState } from '../engine/index.js';
import type { GameStore, LoadedGame } from './game-store.js';
import { MemoryGameStore } from './memory-game-store.js';
import { RedisGameStore } from './redis-game-store.js';

/** One suite, every adapter: the embedded memory store and Redis (the real local server). */
const redis = new RedisTestKeys();
const adapters: Array<[string, () => GameStore]> = [
  ['memory', () => new MemoryGameStore(new SystemClock())],
  ['redis', () => new RedisGameStore(redis.client())],
];

afterAll(() => redis.cleanup());

const T0 = 1_700_000_000_000;
let seq = 0;

function lobbyGame(players: number, pin = String(200_000 + (seq++ % 700_000)), maxPlayers = 100): GameState {
  const settings = testSettings({ maxPlayers });
  const game = engine.newGame({ id: `contract-${seq}-${pin}`, pin, hostSecretHash: 'h', settings, questions: everyTypeRound() }, T0);
  for (let i = 0; i < players; i++) engine.addPlayer(game, `p${i}`, `Player ${i}`, T0);
  return game;
}

function record(playerId: string, points: number, correct = points > 0): AnswerRecord {
  return { playerId, answer: 1, receivedAt: T0 + 100, responseMs: 100, correct, points, streak: correct ? 1 : 0 };
}

describe.each(adapters)('GameStore contract: %s', (_name, make) => {
  let store: GameStore;
  beforeEach(() => {
    store = make();
  });

  /** Inserts a game and starts it, as the runner would (load, apply, commit). */
  async function started(players: number): Promise<GameState> {
    const game = lobbyGame(players);
    expect(await store.insert(game)).toBe(true);
    const loaded = (await store.load(game.id))!;
    engine.startGame(loaded.game, T0 + 1000);
    expect(await store.commit(loaded.game, loaded.version, null)).toBe(loaded.version + 1);
    return (await store.load(game.id))!.game;
  }

  test('PINs are unique among live games; a game loads as it was stored', async () => {
    const game = lobbyGame(3, '654321');
    expect(await store.insert(game)).toBe(true);
    expect(await store.insert(lobbyGame(1, '654321'))).toBe(false);
    expect(await store.findIdByPin('654321')).toBe(game.id);
    expect(await store.findIdByPin('000001')).toBeNull();
    const loaded = await store.load(game.id);
    expect(loaded?.version).toBe(0);
    expect(loaded?.game.players).toEqual(game.players);
    expect(loaded?.game.questions).toEqual(game.questions);
    expect(await store.load('nothing-here')).toBeNull();
    expect(await store.liveGameIds()).toContain(game.id);
  });

  test('commits are compare-and-set on the version', async () => {
    const game = lobbyGame(1);
    await store.insert(game);
    const a = (await store.load(game.id))!;
    const b = (await store.load(game.id))!;
    engine.setLocked(a.game, true);
    expect(await store.commit(a.game, a.version, null)).toBe(1);
    expect(await store.commit(b.game, b.version, null)).toBeNull();
    const now = (await store.load(game.id))!;
    expect([now.version, now.game.locked]).toEqual([1, true]);
  });

  test('a join keeps the player, its nickname and the counters; the next commit applies at the version a load gives', async () => {
    const game = lobbyGame(2);
    await store.insert(game);
    const loaded = (await store.load(game.id))!;
    const events = engine.addPlayer(loaded.game, 'p9', 'Newcomer', T0 + 10);
    expect(await store.commit(loaded.game, loaded.version, null, events)).not.toBeNull();
    const after = (await store.load(game.id))!;
    expect(after.game.players.p9?.nickname).toBe('Newcomer');
    expect(after.game.nicknames.newcomer).toBe('p9');
    expect([after.game.activeCount, after.game.connectedCount]).toEqual([3, 3]);
    expect(() => engine.addPlayer(after.game, 'p10', 'NEWCOMER', T0 + 20)).toThrow(expect.objectContaining({ code: 'NICKNAME_TAKEN' }));
    engine.setLocked(after.game, true);
    expect(await store.commit(after.game, after.version, null, [{ type: 'lobby-changed' }])).not.toBeNull();
    expect((await store.load(game.id))!.game.locked).toBe(true);
  });

  test('the first answer wins; repeats and answers to a changed question are not kept', async () => {
    const game = await started(2);
    const key = engine.openKey(game)!;
    expect(await store.recordAnswer(game.id, 0, key, record('p0', 900))).toEqual({ status: 'stored', answered: 1 });
    expect(await store.recordAnswer(game.id, 0, key, record('p0', 1000))).toEqual({ status: 'duplicate' });
    expect(await store.recordAnswer(game.id, 0, `0:${T0}`, record('p1', 500))).toEqual({ status: 'stale' });
    expect(await store.hasAnswered(game.id, 0, 'p0')).toBe(true);
    expect(await store.hasAnswered(game.id, 0, 'p1')).toBe(false);
    expect((await store.load(game.id))!.game.answers[0]!.p0!.points).toBe(900);
    expect(Object.keys((await store.answersOf(game.id, 1))[0]!)).toEqual(['p0']);
  });

  test('concurrent answers never overwrite each other; a retried answer is never scored twice', async () => {
    const game = await started(40);
    const key = engine.openKey(game)!;
    const writes = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => store.recordAnswer(game.id, 0, key, record(`p${i}`, 100 + i))),
      ...Array.from({ length: 10 }, () => store.recordAnswer(game.id, 0, key, record('p7', 5000))),
    ]);
    const stored = writes.filter((w) => w.status === 'stored');
    expect(stored).toHaveLength(40);
    expect(new Set(stored.map((w) => (w as { answered: number }).answered)).size).toBe(40);
    const kept = (await store.answersOf(game.id, 1))[0]!;
    expect(Object.keys(kept)).toHaveLength(40);
    expect(kept.p7?.points).toBe(107);
  });

  test('closing a question never misses an answer that was kept while it closed', async () => {
    const game = await started(2);
    const key = engine.openKey(game)!;
    // Close it as the runner does (load, apply, commit; again on conflict), with an answer landing right after the load.
    let landed = false;
    for (let attempt = 0; attempt < 3; attempt++) {
      const loaded = (await store.load(game.id))!;
      const open = { index: 0, count: Object.keys(loaded.game.answers[0]!).length };
      if (!landed) landed = (await store.recordAnswer(game.id, 0, key, record('p1', 700))).status === 'stored';
      engine.skipQuestion(loaded.game);
      if ((await store.commit(loaded.game, loaded.version, open)) !== null) break;
    }
    expect(landed).toBe(true);
    expect((await store.load(game.id))!.game.players.p1).toMatchObject({ score: 700, correctCount: 1 });
    expect(await store.recordAnswer(game.id, 0, key, record('p0', 1))).toEqual({ status: 'stale' });
  });

  test('kicked players cannot answer', async () => {
    const game = await started(2);
    const loaded = (await store.load(game.id))!;
    engine.kickPlayer(loaded.game, 'p1', T0 + 1500);
    await store.commit(loaded.game, loaded.version, { index: 0, count: 0 });
    const fresh = (await store.load(game.id))!.game;
    expect(await store.recordAnswer(game.id, 0, engine.openKey(fresh)!, record('p1', 10))).toEqual({ status: 'kicked' });
  });

  test("a load carries the open question's answers; answersOf has them all", async () => {
    const game = await started(1);
    await store.recordAnswer(game.id, 0, engine.openKey(game)!, record('p0', 1000));
    const first = (await store.load(game.id))!;
    engine.advanceTime(first.game, T0 + 60_000);
    engine.advance(first.game, T0 + 60_000);
    engine.advance(first.game, T0 + 60_000);
    expect(await store.commit(first.game, first.version, { index: 0, count: 1 })).not.toBeNull();
    const second = (await store.load(game.id))!.game;
    expect(second.index).toBe(1);
    expect(second.answers[1]).toEqual({});
    const all = await store.answersOf(game.id, 2);
    expect(Object.keys(all[0]!)).toEqual(['p0']);
    expect(all[1]).toEqual({});
  });

  test('a retired game leaves the live set and is forgotten after its keep time', async () => {
    const game = lobbyGame(1);
    await store.insert(game);
    await store.retire(game.id, 150);
    expect(await store.liveGameIds()).not.toContain(game.id);
    expect(await store.load(game.id)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 400));
    expect(await store.load(game.id)).toBeNull();
    expect(await store.findIdByPin(game.pin)).toBeNull();
  });
});

describe('RedisGameStore: instances sharing one Redis', () => {
  test("a load sees another instance's commit even when this instance kept the state it parsed", async () => {
    const shared = redis.client();
    const [a, b] = [new RedisGameStore(shared), new RedisGameStore(shared)];
    const game = lobbyGame(2);
    expect(await a.insert(game)).toBe(true);
    const onA = (await a.load(game.id))!;
    engine.addPlayer(onA.game, 'pa', 'From A', T0 + 10);
    const v1 = (await a.commit(onA.game, onA.version, null))!;
    // B changes the game; A's next load must not reuse its own (now stale) state.
    const onB = (await b.load(game.id))!;
    expect(onB.version).toBe(v1);
    engine.addPlayer(onB.game, 'pb', 'From B', T0 + 20);
    const v2 = (await b.commit(onB.game, onB.version, null))!;
    const again = (await a.load(game.id))!;
    expect(again.version).toBe(v2);
    expect(Object.keys(again.game.players).sort()).toEqual(['p0', 'p1', 'pa', 'pb']);
    expect(again.game.activeCount).toBe(4);
  });

  test('a commit refused at the same version (an answer came in) leaves nothing of the refused change in the next load', async () => {
    const shared = redis.client();
    const [a, b] = [new RedisGameStore(shared), new RedisGameStore(shared)];
    const game = lobbyGame(2);
    expect(await a.insert(game)).toBe(true);
    const lobby = (await a.load(game.id))!;
    engine.startGame(lobby.game, T0 + 1000);
    const version = (await a.commit(lobby.game, lobby.version, null))!;
    const onA = (await a.load(game.id))!;
    const open = { index: onA.game.index, count: onA.openCount };
    // An answer arrives through the other instance: the version stays, the open question does not.
    const key = engine.openKey(onA.game)!;
    expect(await b.recordAnswer(game.id, 0, key, record('p0', 500))).toEqual({ status: 'stored', answered: 1 });
    engine.skipQuestion(onA.game);
    expect(await a.commit(onA.game, onA.version, open)).toBeNull();
    const fresh = (await a.load(game.id))!;
    expect(fresh.version).toBe(version);
    expect(fresh.game.phase).toBe('question');
    expect(fresh.openCount).toBe(1);
  });
});

describe('RedisGameStore: joins through two instances', () => {
  let shared: ReturnType<RedisTestKeys['client']>;
  beforeEach(() => {
    shared = redis.client();
  });

  /** Both instances hold the game as inserted. */
  async function onTwo(game: GameState): Promise<[RedisGameStore, RedisGameStore]> {
    const [a, b] = [new RedisGameStore(shared), new RedisGameStore(shared)];
    expect(await a.insert(game)).toBe(true);
    await a.load(game.id);
    await b.load(game.id);
    return [a, b];
  }

  /** A join as the runner makes it: load, the engine's rules, commit. */
  async function join(store: RedisGameStore, gameId: string, id: string, nickname: string): Promise<number | null> {
    const loaded = (await store.load(gameId))!;
    const events = engine.addPlayer(loaded.game, id, nickname, T0 + 10);
    return store.commit(loaded.game, loaded.version, null, events);
  }

  test('joins loaded at the same version on two instances never refuse each other; each then sees both', async () => {
    const game = lobbyGame(2);
    const [a, b] = await onTwo(game);
    const onA = (await a.load(game.id))!;
    const onB = (await b.load(game.id))!;
    const joinA = engine.addPlayer(onA.game, 'pa', 'From A', T0 + 10);
    const joinB = engine.addPlayer(onB.game, 'pb', 'From B', T0 + 10);
    expect(await a.commit(onA.game, onA.version, null, joinA)).not.toBeNull();
    expect(await b.commit(onB.game, onB.version, null, joinB)).not.toBeNull();
    const fresh = (await new RedisGameStore(shared).load(game.id))!.game;
    expect(Object.keys(fresh.players).sort()).toEqual(['p0', 'p1', 'pa', 'pb']);
    expect([fresh.activeCount, fresh.connectedCount]).toEqual([4, 4]);
    for (const store of [a, b]) {
      const seen = (await store.load(game.id))!.game;
      expect(Object.keys(seen.players).sort()).toEqual(['p0', 'p1', 'pa', 'pb']);
      expect([seen.activeCount, seen.nicknames['from a'], seen.nicknames['from b']]).toEqual([4, 'pa', 'pb']);
    }
  });

  test('a nickname another instance took since the load is refused; on the fresh load the engine says NICKNAME_TAKEN', async () => {
    const game = lobbyGame(1);
    const [a, b] = await onTwo(game);
    const onB = (await b.load(game.id))!;
    const late = engine.addPlayer(onB.game, 'pb', 'same name', T0 + 10);
    expect(await join(a, game.id, 'pa', 'Same Name')).not.toBeNull();
    expect(await b.commit(onB.game, onB.version, null, late)).toBeNull();
    const again = (await b.load(game.id))!;
    expect(() => engine.addPlayer(again.game, 'pb', 'same name', T0 + 20)).toThrow(expect.objectContaining({ code: 'NICKNAME_TAKEN' }));
    expect(again.game.players.pb).toBeUndefined();
    expect(again.game.activeCount).toBe(2);
  });

  test('a name freed by a kick can be taken again', async () => {
    const game = lobbyGame(2);
    const [a, b] = await onTwo(game);
    const onA = (await a.load(game.id))!;
    expect(await a.commit(onA.game, onA.version, null, engine.kickPlayer(onA.game, 'p0', T0 + 10))).not.toBeNull();
    expect(await join(b, game.id, 'p5', 'player 0')).not.toBeNull();
    expect((await a.load(game.id))!.game.nicknames['player 0']).toBe('p5');
  });

  test('the player limit and a lock hold across instances', async () => {
    const full = lobbyGame(1, undefined, 2);
    const [a, b] = await onTwo(full);
    const onB = (await b.load(full.id))!;
    const late = engine.addPlayer(onB.game, 'pb', 'Second', T0 + 10);
    expect(await join(a, full.id, 'pa', 'First')).not.toBeNull();
    expect(await b.commit(onB.game, onB.version, null, late)).toBeNull();
    const reloaded = (await b.load(full.id))!;
    expect(() => engine.addPlayer(reloaded.game, 'pb', 'Second', T0 + 20)).toThrow(expect.objectContaining({ code: 'GAME_FULL' }));

    const locked = lobbyGame(1);
    const [c, d] = await onTwo(locked);
    const onD = (await d.load(locked.id))!;
    const pending = engine.addPlayer(onD.game, 'pd', 'Late', T0 + 10);
    const onC = (await c.load(locked.id))!;
    expect(await c.commit(onC.game, onC.version, null, engine.setLocked(onC.game, true))).not.toBeNull();
    expect(await d.commit(onD.game, onD.version, null, pending)).toBeNull();
    expect((await d.load(locked.id))!.game.players.pd).toBeUndefined();
  });

  test('a load on its way while a join of the same copy is refused does not bring the refused player along', async () => {
    const game = lobbyGame(1);
    const [a, b] = await onTwo(game);
    const onA = (await a.load(game.id))!;
    const refused = engine.addPlayer(onA.game, 'ghost', 'Taken', T0 + 10);
    expect(await join(b, game.id, 'pb', 'taken')).not.toBeNull();
    // The commit leaves first; the load's reply (one change behind: B's join) arrives after the refusal.
    const commit = a.commit(onA.game, onA.version, null, refused);
    const inFlight = a.load(game.id);
    expect(await commit).toBeNull();
    expect((await inFlight)!.game.players.ghost).toBeUndefined();
    const next = (await a.load(game.id))!.game;
    expect(next.players.ghost).toBeUndefined();
    expect([next.activeCount, next.nicknames.taken]).toEqual([2, 'pb']);
  });

  test('loads asked while one is on its way share one read after it, which sees what changed meanwhile', async () => {
    const game = lobbyGame(3);
    const [a, b] = await onTwo(game);
    const reads = jest.spyOn(a as unknown as { read: (id: string, n: number) => Promise<unknown> }, 'read');
    const first = a.load(game.id);
    const many = Array.from({ length: 50 }, () => a.load(game.id));
    expect(await join(b, game.id, 'pb', 'From B')).not.toBeNull();
    const later = await Promise.all([a.load(game.id), a.load(game.id)]);
    expect(await first).not.toBeNull();
    expect(await Promise.all(many)).toHaveLength(50);
    // Asked after B's join: a read that started after it.
    for (const loaded of later) expect(loaded?.game.players.pb?.nickname).toBe('From B');
    expect(reads.mock.calls.length).toBeLessThanOrEqual(4);
  });

  test("a commit loaded before another instance's join is refused; its retry sees the player and applies", async () => {
    const game = lobbyGame(2);
    const [a, b] = await onTwo(game);
    const onA = (await a.load(game.id))!;
    engine.setLocked(onA.game, true);
    expect(await join(b, game.id, 'pb', 'From B')).not.toBeNull();
    expect(await a.commit(onA.game, onA.version, null, [{ type: 'lobby-changed' }])).toBeNull();
    const retry = (await a.load(game.id))!;
    expect(retry.game.players.pb?.nickname).toBe('From B');
    engine.setLocked(retry.game, true);
    expect(await a.commit(retry.game, retry.version, null, [{ type: 'lobby-changed' }])).not.toBeNull();
    const fresh = (await new RedisGameStore(shared).load(game.id))!.game;
    expect([fresh.locked, fresh.activeCount, Object.keys(fresh.players).length]).toEqual([true, 3, 3]);
  });
});

describe('RedisGameStore: players one field each', () => {
  /** The game as a fresh instance (no copy of its own) reads it: the reference every shortcut must match. */
  async function freshLoad(gameId: string): Promise<unknown> {
    const loaded = (await new RedisGameStore(shared).load(gameId))!;
    return JSON.parse(JSON.stringify({ ...loaded.game, answers: [] })) as unknown;
  }
  const plain = (game: GameState): unknown => JSON.parse(JSON.stringify({ ...game, answers: [] })) as unknown;
  const playersKey = (gameId: string) => `game:{${gameId}}:players`;
  let shared: ReturnType<RedisTestKeys['client']>;
  beforeEach(() => {
    shared = redis.client();
  });
  /** Two instances on the same Redis, and a lobby of `players` created through the first. */
  async function twoInstancesWithLobby(players: number): Promise<{ a: RedisGameStore; b: RedisGameStore; game: GameState }> {
    const [a, b] = [new RedisGameStore(shared), new RedisGameStore(shared)];
    const game = lobbyGame(players);
    expect(await a.insert(game)).toBe(true);
    return { a, b, game };
  }

  test('a commit whose events name players writes those players only', async () => {
    const store = new RedisGameStore(shared);
    const game = lobbyGame(2);
    expect(await store.insert(game)).toBe(true);
    // Change p0's stored entry behind the store's back: a commit that rewrote every player would put it back.
    const p0 = JSON.parse((await shared.hget(playersKey(game.id), 'p0'))!) as { player: { nickname: string } };
    p0.player.nickname = 'Untouched';
    await shared.hset(playersKey(game.id), 'p0', JSON.stringify(p0));
    const loaded = (await store.load(game.id))!;
    const events = engine.addPlayer(loaded.game, 'p9', 'Newcomer', T0 + 10);
    expect(await store.commit(loaded.game, loaded.version, null, events)).toBe(1);
    const players = (await new RedisGameStore(shared).load(game.id))!.game.players;
    expect(players.p9?.nickname).toBe('Newcomer');
    expect(players.p0?.nickname).toBe('Untouched');
  });

  test("after another instance's commit, a load reads the players it named and matches a fresh load", async () => {
    const { a, b, game } = await twoInstancesWithLobby(3);
    let onA = (await a.load(game.id))!;
    await b.load(game.id);

    // A join on A; B catches up by one commit.
    let events = engine.addPlayer(onA.game, 'pa', 'From A', T0 + 10, 'device-aaaaaaaaaaaa');
    expect(await a.commit(onA.game, onA.version, null, events)).toBe(1);
    let onB = (await b.load(game.id))!;
    expect(onB.version).toBe(1);
    expect(plain(onB.game)).toEqual(await freshLoad(game.id));

    // A kick on B (the device is banned, the nickname freed); A catches up.
    events = engine.kickPlayer(onB.game, 'pa', T0 + 20);
    expect(await b.commit(onB.game, onB.version, null, events)).toBe(2);
    onA = (await a.load(game.id))!;
    expect(onA.game.players.pa?.kicked).toBe(true);
    expect(onA.game.bannedDevices?.['device-aaaaaaaaaaaa']).toBe(true);
    expect(onA.game.nicknames['from a']).toBeUndefined();
    expect(plain(onA.game)).toEqual(await freshLoad(game.id));

    // A withdrawal in the lobby removes the player outright.
    events = engine.withdrawPlayer(onA.game, 'p0', T0 + 30);
    expect(await a.commit(onA.game, onA.version, null, events)).toBe(3);
    onB = (await b.load(game.id))!;
    expect(onB.game.players.p0).toBeUndefined();
    expect(onB.game.credentials.players.p0).toBeUndefined();
    expect(plain(onB.game)).toEqual(await freshLoad(game.id));
  });

  test('a reveal rewrites every player: scores and ranks reach the other instances', async () => {
    const { a, b, game } = await twoInstancesWithLobby(3);
    const lobby = (await a.load(game.id))!;
    await b.load(game.id);
    const startEvents = engine.startGame(lobby.game, T0 + 1000);
    expect(await a.commit(lobby.game, lobby.version, null, startEvents)).not.toBeNull();
    // B follows the start by one commit (the core only: a start names no player).
    expect(plain((await b.load(game.id))!.game)).toEqual(await freshLoad(game.id));
    const onA = (await a.load(game.id))!;
    const key = engine.openKey(onA.game)!;
    expect(await a.recordAnswer(game.id, 0, key, record('p1', 800))).toEqual({ status: 'stored', answered: 1 });
    const closing = (await a.load(game.id))!;
    expect(closing.openCount).toBe(1);
    const events = engine.skipQuestion(closing.game);
    expect(await a.commit(closing.game, closing.version, { index: 0, count: 1 }, events)).not.toBeNull();
    const onB = (await b.load(game.id))!.game;
    expect(onB.players.p1).toMatchObject({ score: 800, rank: 1 });
    expect(onB.players.p0).toMatchObject({ score: 0, rank: 2 });
    expect(plain(onB)).toEqual(await freshLoad(game.id));
  });
  /**
   * Loads on `store` and says which LOAD replies ('same', 'delta', 'full') that took. (Spied per call: every new
   * store on the shared client defines the script commands again, replacing a spy left in place.)
   */
  async function loadSeeing(store: RedisGameStore, gameId: string): Promise<{ loaded: LoadedGame; kinds: unknown[] }> {
    const spy = jest.spyOn(shared as unknown as { gameLoad: (...args: unknown[]) => Promise<unknown[] | null> }, 'gameLoad');
    try {
      const loaded = (await store.load(gameId))!;
      const kinds = await Promise.all(spy.mock.results.map(async (r) => ((await r.value) as unknown[] | null)?.[0]));
      return { loaded, kinds };
    } finally {
      spy.mockRestore();
    }
  }

  /** Advances the game (leaderboard, next question) until a question is open; the loaded state with it open. */
  async function openNext(store: RedisGameStore, gameId: string): Promise<LoadedGame> {
    for (;;) {
      const loaded = (await store.load(gameId))!;
      if (loaded.game.phase === 'question') return loaded;
      expect(await store.commit(loaded.game, loaded.version, null, engine.advance(loaded.game, T0 + 2000))).not.toBeNull();
    }
  }

  /** A and B both hold question 0 open; p1 answered through A, p2 through B; A then closes it. */
  async function revealedOnA(players: number): Promise<{ a: RedisGameStore; b: RedisGameStore; gameId: string }> {
    const { a, b, game } = await twoInstancesWithLobby(players);
    const lobby = (await a.load(game.id))!;
    expect(await a.commit(lobby.game, lobby.version, null, engine.startGame(lobby.game, T0 + 1000))).not.toBeNull();
    const onB = (await b.load(game.id))!;
    const key = engine.openKey(onB.game)!;
    expect(await a.recordAnswer(game.id, 0, key, record('p1', 800))).toEqual({ status: 'stored', answered: 1 });
    expect(await b.recordAnswer(game.id, 0, key, record('p2', 600))).toEqual({ status: 'stored', answered: 2 });
    const closing = (await a.load(game.id))!;
    expect(closing.openCount).toBe(2);
    const events = engine.skipQuestion(closing.game);
    expect(await a.commit(closing.game, closing.version, { index: 0, count: 2 }, events)).not.toBeNull();
    return { a, b, gameId: game.id };
  }

  test("another instance's reveal is replayed on this copy from the answers, not read player by player", async () => {
    const { b, gameId } = await revealedOnA(4);
    const { loaded: onB, kinds } = await loadSeeing(b, gameId);
    expect(kinds).toEqual(['delta']);
    expect(onB.game.phase).toBe('reveal');
    expect(onB.game.players.p1).toMatchObject({ score: 800, rank: 1 });
    expect(onB.game.players.p2).toMatchObject({ score: 600, rank: 2 });
    expect(onB.game.players.p0).toMatchObject({ score: 0, rank: 3 });
    expect(Object.keys(onB.game.answers[0] ?? {}).sort()).toEqual(['p1', 'p2']);
    expect(plain(onB.game)).toEqual(await freshLoad(gameId));
  });

  test('a replayed reveal that does not match the digest logged with it reads the game whole', async () => {
    const { a, b, game } = await twoInstancesWithLobby(3);
    const lobby = (await a.load(game.id))!;
    expect(await a.commit(lobby.game, lobby.version, null, engine.startGame(lobby.game, T0 + 1000))).not.toBeNull();
    // B's copy differs from what A closes (as a copy that missed a change would): the digest catches it.
    (await b.load(game.id))!.game.players.p0!.score = 999;
    const closing = (await a.load(game.id))!;
    expect(await a.commit(closing.game, closing.version, { index: 0, count: 0 }, engine.skipQuestion(closing.game))).not.toBeNull();
    const { loaded: onB, kinds } = await loadSeeing(b, game.id);
    expect(kinds).toEqual(['delta', 'full']);
    expect(onB.game.players.p0?.score).toBe(0);
    expect(plain(onB.game)).toEqual(await freshLoad(game.id));
  });

  test('a reveal after a change that named a player, or two reveals, are read whole; a later question opens on the replayed copy', async () => {
    const { a, b, game } = await twoInstancesWithLobby(3);
    let onA = (await a.load(game.id))!;
    expect(await a.commit(onA.game, onA.version, null, engine.startGame(onA.game, T0 + 1000))).not.toBeNull();
    await b.load(game.id);
    // A player leaves, then the question closes: B has to read the game whole (the reveal ranked without p0 connected).
    onA = (await a.load(game.id))!;
    expect(await a.commit(onA.game, onA.version, { index: 0, count: 0 }, engine.setPlayerConnected(onA.game, 'p0', false, T0 + 1100))).not.toBeNull();
    onA = (await a.load(game.id))!;
    expect(await a.commit(onA.game, onA.version, { index: 0, count: 0 }, engine.skipQuestion(onA.game))).not.toBeNull();
    const afterLeave = await loadSeeing(b, game.id);
    expect(afterLeave.kinds).toEqual(['full']);
    expect(plain(afterLeave.loaded.game)).toEqual(await freshLoad(game.id));
    // Next question opens and closes on A; B follows both (the open names no one), replaying the reveal.
    onA = await openNext(a, game.id);
    const key = engine.openKey(onA.game)!;
    expect(await a.recordAnswer(game.id, 1, key, record('p2', 700))).toEqual({ status: 'stored', answered: 1 });
    onA = (await a.load(game.id))!;
    expect(await a.commit(onA.game, onA.version, { index: 1, count: 1 }, engine.skipQuestion(onA.game))).not.toBeNull();
    const replayed = await loadSeeing(b, game.id);
    expect(replayed.kinds).toEqual(['delta']);
    expect(replayed.loaded.game.players.p2).toMatchObject({ score: 700, rank: 1 });
    expect(plain(replayed.loaded.game)).toEqual(await freshLoad(game.id));
    // Two reveals behind: read whole.
    for (let i = 0; i < 2; i++) {
      onA = await openNext(a, game.id);
      expect(await a.commit(onA.game, onA.version, { index: onA.game.index, count: onA.openCount }, engine.skipQuestion(onA.game))).not.toBeNull();
    }
    const twoBehind = await loadSeeing(b, game.id);
    expect(twoBehind.kinds).toEqual(['full']);
    expect(plain(twoBehind.loaded.game)).toEqual(await freshLoad(game.id));
  });
  test('a load during a question reads only the answers stored since the copy last read them, its own ones kept', async () => {
    const { a, b, game } = await twoInstancesWithLobby(4);
    const lobby = (await a.load(game.id))!;
    expect(await a.commit(lobby.game, lobby.version, null, engine.startGame(lobby.game, T0 + 1000))).not.toBeNull();
    const key = engine.openKey((await b.load(game.id))!.game)!;
    expect(await a.recordAnswer(game.id, 0, key, record('p0', 100))).toMatchObject({ answered: 1 });
    expect(await b.recordAnswer(game.id, 0, key, record('p1', 200))).toMatchObject({ answered: 2 });
    const since = jest.spyOn(shared as unknown as { gameAnswersSince: (...args: unknown[]) => Promise<unknown[]> }, 'gameAnswersSince');
    expect((await b.load(game.id))!.openCount).toBe(2);
    expect(await a.recordAnswer(game.id, 0, key, record('p2', 300))).toMatchObject({ answered: 3 });
    const onB = (await b.load(game.id))!;
    const replies = await Promise.all(since.mock.results.map((r) => r.value as Promise<unknown[]>));
    since.mockRestore();
    // The second read starts where the first ended: only p2's answer comes back.
    expect(replies.map((r) => r.slice(2).filter((_, i) => i % 2 === 0))).toEqual([['p0', 'p1'], ['p2']]);
    expect(onB.openCount).toBe(3);
    expect(onB.game.answers[0]).toEqual({ p0: record('p0', 100), p1: record('p1', 200), p2: record('p2', 300) });
    // The count is exact: a close committed with it goes through, and scores all three.
    expect(await b.commit(onB.game, onB.version, { index: 0, count: onB.openCount }, engine.skipQuestion(onB.game))).not.toBeNull();
    expect(plain((await a.load(game.id))!.game)).toEqual(await freshLoad(game.id));
    expect((await a.load(game.id))!.game.players.p2?.score).toBe(300);
  });

  test('answers stored before the order list existed are read whole', async () => {
    const store = new RedisGameStore(shared);
    const game = lobbyGame(2);
    expect(await store.insert(game)).toBe(true);
    const lobby = (await store.load(game.id))!;
    expect(await store.commit(lobby.game, lobby.version, null, engine.startGame(lobby.game, T0 + 1000))).not.toBeNull();
    // As an older server left it: the answer in the hash, no order list.
    await shared.hset(`game:{${game.id}}:answers:0`, 'p1', JSON.stringify(record('p1', 400)));
    const loaded = (await new RedisGameStore(shared).load(game.id))!;
    expect(loaded.openCount).toBe(1);
    expect(loaded.game.answers[0]?.p1?.points).toBe(400);
  });
  test('a change notice brings forward only a game this instance holds a copy of', async () => {
    const { a, b, game } = await twoInstancesWithLobby(2);
    const loads = jest.spyOn(b, 'load');
    b.bringForward(game.id);
    expect(loads).not.toHaveBeenCalled();
    await b.load(game.id);
    const onA = (await a.load(game.id))!;
    expect(await a.commit(onA.game, onA.version, null, engine.addPlayer(onA.game, 'pa', 'From A', T0 + 10))).not.toBeNull();
    b.bringForward(game.id);
    expect(loads).toHaveBeenCalledTimes(2);
    // The copy is brought forward: the next load sees A's join.
    expect((await b.load(game.id))!.game.players.pa?.nickname).toBe('From A');
  });
});
