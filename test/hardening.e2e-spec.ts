import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { HostSnapshot, PlayerResultView, QuestionView, RevealView } from '../src/game/engine/index.js';
import type { JoinResult } from '../src/protocol/index.js';
import { startApp, TEST_TEACHER_KEY, type RunningApp } from './support/e2e-app.js';
import { ClientPool, type QuizClient } from './support/quiz-client.js';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from './support/redis.js';
import { ifStarted } from './support/teardown.js';

/**
 * What a hostile student could do to a class, each with real sockets and
 * bounded counts: flood a game with joins, guess PINs and teacher keys from
 * many connections, and send tokens, ids and payloads made to reach
 * Object.prototype or overflow the validator. Clients appear to come from
 * different addresses through X-Forwarded-For, which the server believes
 * from loopback (TRUST_PROXY's default), as it would behind the cluster's
 * entry point or nginx.
 */
const LIMITS = {
  JOIN_LIMIT_PER_ADDRESS: '40',
  JOIN_LIMIT_PER_GAME: '60',
  PIN_GUESS_LIMIT_PER_ADDRESS: '15',
  PIN_GUESS_LIMIT_GLOBAL: '40',
  AUTH_FAILURE_LIMIT_PER_ADDRESS: '5',
  MIN_TIME_LIMIT_SEC: '1',
};

const prefix = testPrefix();
const modes: Array<[string, Record<string, string>]> = [
  ['embedded', {}],
  ['redis', { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix }],
];

afterAll(() => dropPrefix(prefix));

let addressSeq = 0;
/** A client address of its own for each use, so one test's counts never leak into another's. */
const newAddress = () => `198.51.${Math.floor(++addressSeq / 250)}.${(addressSeq % 250) + 1}`;

/* eslint-disable @typescript-eslint/unbound-method -- the streams' own write methods are kept to be put back, and are only called with their stream as `this` */
/** Everything the server writes to stdout and stderr until `stop`. */
function captureLogs(): { stop(): string } {
  let text = '';
  const originals = [process.stdout.write, process.stderr.write] as const;
  const tap = (original: typeof process.stdout.write) =>
    function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      text += String(chunk);
      return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof process.stdout.write;
  process.stdout.write = tap(originals[0]);
  process.stderr.write = tap(originals[1]);
  return {
    stop() {
      [process.stdout.write, process.stderr.write] = originals;
      return text;
    },
  };
}
/* eslint-enable @typescript-eslint/unbound-method */

const codeOf = (reply: { ok: boolean; error?: { code: string } }) => (reply.ok ? 'OK' : reply.error!.code);
const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

describe.each(modes)('a hostile student cannot break a class (%s)', (_mode, env) => {
  let server: RunningApp;
  const pool = new ClientPool();
  const from = (address: string) => pool.connect(server.url, { extraHeaders: { 'x-forwarded-for': address } });

  beforeAll(async () => {
    server = await startApp({ ...LIMITS, ...env });
  });
  afterAll(async () => {
    pool.closeAll();
    await ifStarted(server)?.close();
  });

  async function newGame(body: Record<string, unknown> = {}) {
    const created = await server.api<{ gameId: string; pin: string; hostToken: string }>('POST', '/api/games', {
      deckId: 'tema1-virtualizacion',
      questionCount: 2,
      types: ['single'],
      seed: 3,
      ...body,
    });
    expect(created.status).toBe(201);
    const host = await pool.connect(server.url);
    await host.ok('host:attach', { hostToken: created.body.hostToken });
    return { ...created.body, host };
  }

  const lobbyOf = async (game: { host: QuizClient; hostToken: string }) =>
    (await game.host.ok<HostSnapshot>('host:attach', { hostToken: game.hostToken })).lobby;

  test('a class of 35 behind one address gets in at once', async () => {
    const game = await newGame();
    const nat = newAddress();
    const phones = await Promise.all(Array.from({ length: 35 }, () => from(nat)));
    const started = performance.now();
    const replies = await Promise.all(phones.map((p, i) => p.call('player:join', { pin: game.pin, nickname: `Alumno ${i}` })));
    const elapsedMs = performance.now() - started;
    expect(replies.map(codeOf)).toEqual(Array(35).fill('OK'));
    expect((await lobbyOf(game)).count).toBe(35);
    console.log(`${_mode}: 35 joins from one address took ${Math.round(elapsedMs)} ms`);
  });

  test('a socket that joins again replaces its player: no ghosts', async () => {
    const game = await newGame();
    const phone = await from(newAddress());
    const joins: JoinResult[] = [];
    for (let i = 0; i < 5; i++) joins.push(await phone.ok<JoinResult>('player:join', { pin: game.pin, nickname: `Eco ${i}` }));
    const lobby = await lobbyOf(game);
    expect(lobby.players.map((p) => p.nickname)).toEqual(['Eco 4']);
    // The given-up players are gone for good: their tokens resume nothing, their nicknames are free.
    const other = await from(newAddress());
    expect(codeOf(await other.call('player:resume', { playerToken: joins[0]!.playerToken }))).toBe('INVALID_TOKEN');
    expect(codeOf(await other.call('player:join', { pin: game.pin, nickname: 'Eco 0' }))).toBe('OK');
  });

  test('a join flood from one address is capped per address; other addresses still join', async () => {
    const game = await newGame();
    const flooder = newAddress();
    // 100 sockets joining twice each, as the flood that used to fill a game in 15 s.
    const sockets = await Promise.all(Array.from({ length: 100 }, () => from(flooder)));
    const attempts = [...sockets, ...sockets].map((s, i) => s.call('player:join', { pin: game.pin, nickname: `Bot ${i}` }));
    const codes = (await Promise.all(attempts)).map(codeOf);
    expect(count(codes, 'OK')).toBe(40);
    expect(count(codes, 'RATE_LIMITED')).toBe(160);
    const student = await from(newAddress());
    expect(codeOf(await student.call('player:join', { pin: game.pin, nickname: 'Real student' }))).toBe('OK');
    expect((await lobbyOf(game)).count).toBe(41);
  });

  test('a game takes a bounded number of joins a minute, from however many addresses', async () => {
    const game = await newGame();
    const sockets = await Promise.all(Array.from({ length: 70 }, () => from(newAddress())));
    const codes = (await Promise.all(sockets.map((s, i) => s.call('player:join', { pin: game.pin, nickname: `Swarm ${i}` })))).map(codeOf);
    expect([count(codes, 'OK'), count(codes, 'RATE_LIMITED')]).toEqual([60, 10]);
    // The teacher clears the flood in one command.
    await game.host.ok('host:kick-many', { joinedWithinSec: 60 });
    expect((await lobbyOf(game)).count).toBe(0);
  });

  test('the teacher removes a list of players at once; bad selections are refused', async () => {
    const game = await newGame();
    const phones = await Promise.all(Array.from({ length: 4 }, () => from(newAddress())));
    const joined = await Promise.all(phones.map((p, i) => p.ok<JoinResult>('player:join', { pin: game.pin, nickname: `Kid ${i}` })));
    const kicked = phones.slice(0, 3).map((p) => p.next('player:kicked'));
    const snapshot = await game.host.ok<HostSnapshot>('host:kick-many', { playerIds: [...joined.slice(0, 3).map((j) => j.playerId), 'AAAAAAAAAAAA'] });
    expect(snapshot.lobby.players.map((p) => p.nickname)).toEqual(['Kid 3']);
    await Promise.all(kicked);
    for (const payload of [
      {},
      { playerIds: [] },
      { playerIds: ['__proto__'] },
      { joinedWithinSec: 0 },
      { playerIds: [joined[3]!.playerId], joinedWithinSec: 5 },
    ]) {
      expect(codeOf(await game.host.call('host:kick-many', payload))).toBe('INVALID_PAYLOAD');
    }
    expect(codeOf(await phones[3]!.call('host:kick-many', { joinedWithinSec: 60 }))).toBe('NOT_HOST');
  });

  test('PIN guessing is limited per address across connections', async () => {
    const game = await newGame();
    const guesser = newAddress();
    const codes: string[] = [];
    // Four connections, five guesses each: under the per-connection limit, over the per-address one.
    for (let c = 0; c < 4; c++) {
      const socket = await from(guesser);
      for (let i = 0; i < 5; i++) codes.push(codeOf(await socket.call('player:join', { pin: `0${c}${i}000`, nickname: 'Guess' })));
    }
    expect(codes).toEqual([...Array<string>(15).fill('GAME_NOT_FOUND'), ...Array<string>(5).fill('RATE_LIMITED')]);
    const fresh = await from(guesser);
    expect(codeOf(await fresh.call('player:join', { pin: game.pin, nickname: 'Lucky' }))).toBe('RATE_LIMITED');
    const student = await from(newAddress());
    expect(codeOf(await student.call('player:join', { pin: game.pin, nickname: 'Honest' }))).toBe('OK');
  });

  test('PIN guessing from many addresses is limited globally; addresses that never guessed wrong still join', async () => {
    const game = await newGame();
    const guessers = Array.from({ length: 12 }, () => newAddress());
    const codes: string[] = [];
    for (const [g, address] of guessers.entries()) {
      const socket = await from(address);
      for (let i = 0; i < 4; i++) codes.push(codeOf(await socket.call('player:join', { pin: `0${g % 10}${i}111`, nickname: 'Guess' })));
    }
    // 15 wrong PINs came from the test before; the global limit is 40 a minute. Past it, an address
    // gets at most its first wrong guess in (it had none before), then waits.
    const wrong = count(codes, 'GAME_NOT_FOUND');
    expect(wrong).toBeGreaterThanOrEqual(40 - 15);
    expect(wrong).toBeLessThanOrEqual(40 - 15 + guessers.length);
    expect(count(codes, 'RATE_LIMITED')).toBe(codes.length - wrong);
    const guessedWrong = await from(guessers.at(-1)!);
    expect(codeOf(await guessedWrong.call('player:join', { pin: game.pin, nickname: 'Lucky' }))).toBe('RATE_LIMITED');
    const student = await from(newAddress());
    expect(codeOf(await student.call('player:join', { pin: game.pin, nickname: 'Honest' }))).toBe('OK');
  });

  test('wrong teacher keys from one address get 429 RATE_LIMITED; other addresses are unaffected', async () => {
    const attacker = newAddress();
    const request = (key: string, address: string) =>
      fetch(`${server.url}/api/history?limit=1`, { headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': address } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await request(`guess-${i}-0123456789`, attacker)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const refused = await request(TEST_TEACHER_KEY, attacker);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/teacher keys/) } });
    expect((await request(TEST_TEACHER_KEY, newAddress())).status).toBe(200);
  });

  test('poisoned tokens, ids, nicknames and payloads are refused alone; the game and its deadlines carry on', async () => {
    const game = await newGame({ timeLimitSec: 1 });
    const logged = captureLogs();
    const address = newAddress();
    const attacker = await from(address);
    const phones = await Promise.all(Array.from({ length: 6 }, () => from(newAddress())));
    const secret = 'A'.repeat(32);
    // Poisoned resumes sent together with joins and a host command: each fails alone.
    const [poisoned, ...rest] = await Promise.all([
      attacker.call('player:resume', { playerToken: `${game.gameId}.__proto__.x` }),
      attacker.call('player:resume', { playerToken: `${game.gameId}.constructor.${secret}` }),
      attacker.call('player:resume', { playerToken: `${game.gameId}.__proto__.${secret}` }),
      attacker.call('host:attach', { hostToken: `__proto__.${secret}` }),
      game.host.call('host:lock', { locked: false }),
      ...['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'Prototype'].map((nickname, i) =>
        phones[i]!.call('player:join', { pin: game.pin, nickname }),
      ),
    ]);
    expect([poisoned, ...rest].map(codeOf)).toEqual(['INVALID_TOKEN', 'INVALID_TOKEN', 'INVALID_TOKEN', 'INVALID_TOKEN', ...Array<string>(7).fill('OK')]);
    // Ids are checked against their shape before any lookup: nothing reaches Object.prototype.
    for (const playerId of ['__proto__', 'constructor', 'toString']) {
      expect(codeOf(await game.host.call('host:kick', { playerId }))).toBe('INVALID_PAYLOAD');
    }
    // Unknown fields, __proto__ included, are refused; so are payloads nested deeper than any event needs.
    const withProto = JSON.parse(`{"pin":"${game.pin}","nickname":"Sneaky","__proto__":{"polluted":true}}`) as unknown;
    expect(codeOf(await attacker.call('player:join', withProto))).toBe('INVALID_PAYLOAD');
    const deep = JSON.parse(`${'['.repeat(1800)}${']'.repeat(1800)}`) as unknown;
    expect(codeOf(await attacker.call('player:answer', { questionIndex: 0, answer: deep }))).toBe('INVALID_PAYLOAD');
    expect(codeOf(await attacker.call('host:start', deep))).toBe('INVALID_PAYLOAD');
    expect(codeOf(await attacker.call('player:join', { pin: game.pin, nickname: deep }))).toBe('INVALID_PAYLOAD');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Refused as bad input, not as faults: nothing was logged for any of it.
    expect(logged.stop()).toBe('');
    // The game plays on, and its deadline closes the question by itself.
    const lobby = await lobbyOf(game);
    expect(lobby.players.map((p) => p.nickname).sort()).toEqual(['Prototype', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']);
    await game.host.ok('host:start');
    await phones[0]!.next<QuestionView>('question:open', (q) => q.index === 0);
    expect(await phones[0]!.ok('player:answer', { questionIndex: 0, answer: 0 })).toEqual({ received: true });
    const reveal = await game.host.next<RevealView>('question:reveal', (r) => r.index === 0);
    expect(reveal.distribution.unanswered).toBe(5);
    expect(await phones[1]!.next<PlayerResultView>('player:result', (r) => r.index === 0)).toMatchObject({ answered: false });
  });
});

describe('Origin and Host allowlist', () => {
  let server: RunningApp;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startApp({ ALLOWED_ORIGINS: 'https://quiz.example.org' });
  });
  afterAll(async () => {
    pool.closeAll();
    await ifStarted(server)?.close();
  });

  /** A raw HTTP request, so the Host header can be anything (fetch does not let it be set). */
  async function raw(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    const { request } = await import('node:http');
    const url = new URL(path, server.url);
    return new Promise((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  const handshake = '/socket.io/?EIO=4&transport=polling';

  test('socket handshakes from another site or under a foreign host name are refused with a clear error', async () => {
    const evil = await raw(handshake, { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect((JSON.parse(evil.body) as { message: string }).message).toMatch(/Origin "http:\/\/evil.example" .*ORIGIN_NOT_ALLOWED.*ALLOWED_ORIGINS/);
    expect((await raw(handshake, { host: 'rebound.evil.example:3000' })).status).toBe(403);
    await expect(pool.connect(server.url, { extraHeaders: { origin: 'http://evil.example' } })).rejects.toThrow();
    await expect(pool.connect(server.url, { extraHeaders: { host: 'rebound.evil.example' } })).rejects.toThrow();
  });

  test("this server's own origin, its local names and ALLOWED_ORIGINS are accepted", async () => {
    const port = new URL(server.url).port;
    expect((await raw(handshake, { origin: server.url })).status).toBe(200);
    expect((await raw(handshake, { origin: `http://localhost:${port}`, host: `localhost:${port}` })).status).toBe(200);
    expect((await raw(handshake, { origin: 'https://quiz.example.org', host: 'quiz.example.org' })).status).toBe(200);
    expect((await raw(handshake, {})).status).toBe(200);
    const phone = await pool.connect(server.url, { extraHeaders: { origin: 'https://quiz.example.org' } });
    expect(phone.socket.connected).toBe(true);
  });

  test('HTTP requests are checked the same way', async () => {
    const foreign = await raw('/api/decks', { host: 'rebound.evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toEqual({ error: { code: 'ORIGIN_NOT_ALLOWED', message: expect.stringMatching(/Host "rebound.evil.example"/) } });
    expect((await raw('/api/decks', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await raw('/api/decks', {})).status).toBe(200);
    expect((await raw('/health', { host: 'quiz.example.org' })).status).toBe(200);
  });
});
