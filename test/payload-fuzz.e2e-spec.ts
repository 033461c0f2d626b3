import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { HostSnapshot, QuestionView, RevealView } from '../src/game/engine/index.js';
import type { JoinResult } from '../src/protocol/index.js';
import { startApp, type RunningApp } from './support/e2e-app.js';
import { ClientPool, type QuizClient } from './support/quiz-client.js';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from './support/redis.js';
import { ifStarted } from './support/teardown.js';

/**
 * Property: whatever payload any client event carries, from a stranger, a
 * player or a host, the server answers it with an ack of the documented shape
 * and a code docs/protocol.md lists for that event, never INTERNAL_ERROR; and
 * a game running beside it plays on untouched.
 */
const HOST_REFUSALS = ['NOT_HOST', 'INVALID_PAYLOAD'];
/** Error codes docs/protocol.md documents per event; any event may also get RATE_LIMITED and TRY_AGAIN. */
const DOCUMENTED: Record<string, string[]> = {
  'player:join': ['INVALID_PAYLOAD', 'GAME_NOT_FOUND', 'GAME_LOCKED', 'GAME_FULL', 'GAME_OVER', 'NICKNAME_TAKEN'],
  'player:resume': ['INVALID_PAYLOAD', 'INVALID_TOKEN', 'GAME_NOT_FOUND', 'KICKED'],
  'player:answer': ['INVALID_PAYLOAD', 'NOT_PLAYER', 'KICKED', 'NOT_OPEN', 'TOO_LATE', 'PAUSED', 'INVALID_ANSWER'],
  'host:attach': ['INVALID_PAYLOAD', 'INVALID_TOKEN', 'GAME_NOT_FOUND'],
  'host:start': [...HOST_REFUSALS, 'WRONG_PHASE', 'NO_PLAYERS'],
  'host:next': [...HOST_REFUSALS, 'WRONG_PHASE', 'GAME_OVER'],
  'host:skip': [...HOST_REFUSALS, 'WRONG_PHASE'],
  'host:pause': [...HOST_REFUSALS, 'WRONG_PHASE', 'PAUSED'],
  'host:resume': [...HOST_REFUSALS, 'WRONG_PHASE'],
  'host:kick': [...HOST_REFUSALS, 'PLAYER_NOT_FOUND', 'KICKED'],
  'host:kick-many': HOST_REFUSALS,
  'host:lock': [...HOST_REFUSALS, 'GAME_OVER'],
  'host:end': [...HOST_REFUSALS, 'GAME_OVER'],
  'host:explode': ['UNKNOWN_EVENT'],
};
const ALWAYS = ['RATE_LIMITED', 'TRY_AGAIN'];
const EVENTS = Object.keys(DOCUMENTED);
const RUNS = 700;
/** Sockets per role: the per-connection event limit (40 in 2 s) must not be what every reply is. */
const SOCKETS_PER_ROLE = 8;

const prefix = testPrefix();
afterAll(() => dropPrefix(prefix));

describe.each<[string, Record<string, string>]>([
  ['embedded', {}],
  ['redis', { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix }],
])('fuzzing every client event (%s)', (_mode, env) => {
  let server: RunningApp;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startApp(env);
  });
  afterAll(async () => {
    pool.closeAll();
    await ifStarted(server)?.close();
  });

  async function openGame(nicknames: string[]) {
    const created = await server.api<{ gameId: string; pin: string; hostToken: string }>('POST', '/api/games', {
      deckId: 'tema1-virtualizacion',
      questionCount: 3,
      types: ['single'],
      seed: 11,
    });
    const host = await pool.connect(server.url);
    await host.ok('host:attach', { hostToken: created.body.hostToken });
    const phones = await Promise.all(nicknames.map(() => pool.connect(server.url)));
    const joined = await Promise.all(phones.map((p, i) => p.ok<JoinResult>('player:join', { pin: created.body.pin, nickname: nicknames[i] })));
    return { ...created.body, host, phones, joined };
  }

  test('every payload gets a documented ack; a concurrent game is unaffected', async () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const bystanders = await openGame(['Ana', 'Beto', 'Carla']);
    const target = await openGame(Array.from({ length: SOCKETS_PER_ROLE }, (_, i) => `Fuzz ${i}`));
    const hosts: QuizClient[] = [target.host];
    while (hosts.length < SOCKETS_PER_ROLE) {
      const h = await pool.connect(server.url);
      await h.ok('host:attach', { hostToken: target.hostToken });
      hosts.push(h);
    }
    const strangers = await Promise.all(Array.from({ length: SOCKETS_PER_ROLE }, () => pool.connect(server.url)));
    const senders = { stranger: strangers, player: target.phones, host: hosts };
    let rejoins = 0;
    /** A socket whose role a fuzzed join, resume or attach took away gets it back (best effort: the game may be locked or over). */
    const restore = async (role: keyof typeof senders, socket: QuizClient) => {
      if (role === 'host') await socket.call('host:attach', { hostToken: target.hostToken });
      if (role === 'player') await socket.call('player:join', { pin: target.pin, nickname: `Again ${rejoins++}` });
    };

    const knownStrings = fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      '',
      ' ',
      '\u0000',
      'ñandú 🦆',
      target.pin,
      '000000',
      target.hostToken,
      `${target.gameId}.__proto__.x`,
      `${target.gameId}.constructor.${'A'.repeat(32)}`,
      target.joined[0]!.playerToken,
      target.joined[0]!.playerId,
      target.joined[0]!.playerToken.slice(0, -1) + 'x',
      `${bystanders.gameId}.${target.joined[0]!.playerId}.${'B'.repeat(32)}`,
    );
    const key = fc.oneof(
      fc.constantFrom(
        'pin',
        'nickname',
        'playerToken',
        'hostToken',
        'questionIndex',
        'answer',
        'playerId',
        'playerIds',
        'joinedWithinSec',
        'locked',
        '__proto__',
        'constructor',
      ),
      fc.string({ maxLength: 8 }),
    );
    const leaf = fc.oneof(fc.integer({ min: -5, max: 1005 }), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 30 }), knownStrings);
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('value'), { maxLength: 5 }),
        fc.dictionary(key, tie('value'), { maxKeys: 5 }),
      ),
    }));
    const deep = fc.integer({ min: 10, max: 1800 }).map((n) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown);
    const index = fc.oneof(fc.integer({ min: -1, max: 4 }), leaf);
    const answer = fc.oneof(
      fc.integer({ min: 0, max: 5 }),
      fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 5 }),
      fc.string({ maxLength: 12 }),
      leaf,
      deep,
    );
    /** Payloads with exactly the event's own fields, so the fuzz also reaches past validation into the game. */
    const wellShaped: Record<string, fc.Arbitrary<unknown>> = {
      'player:join': fc.record({
        pin: fc.oneof(knownStrings, fc.stringMatching(/^[1-9]\d{5}$/)),
        nickname: fc.oneof(knownStrings, fc.string({ maxLength: 25 })),
      }),
      'player:resume': fc.record({ playerToken: fc.oneof(knownStrings, fc.string({ maxLength: 60 })) }),
      'player:answer': fc.record({ questionIndex: index, answer }),
      'host:attach': fc.record({ hostToken: fc.oneof(knownStrings, fc.string({ maxLength: 50 })) }),
      'host:kick': fc.record({ playerId: fc.oneof(knownStrings, fc.stringMatching(/^[\w-]{12}$/)) }),
      'host:kick-many': fc.oneof(
        fc.record({ playerIds: fc.array(knownStrings, { maxLength: 4 }) }),
        fc.record({ joinedWithinSec: fc.oneof(fc.integer({ min: 0, max: 4000 }), leaf) }),
      ),
      'host:lock': fc.record({ locked: fc.oneof(fc.boolean(), leaf) }),
    };
    const empty = fc.constantFrom(undefined, null, {});
    const eventAndPayload = fc
      .constantFrom(...EVENTS)
      .chain((event) =>
        fc.tuple(
          fc.constant(event),
          fc.oneof({ weight: 3, arbitrary: wellShaped[event] ?? empty }, { weight: 1, arbitrary: value }, { weight: 1, arbitrary: deep }),
        ),
      );

    const seen = new Map<string, Set<string>>();
    await fc.assert(
      fc.asyncProperty(
        eventAndPayload,
        fc.constantFrom('stranger', 'player', 'host' as const),
        fc.nat(SOCKETS_PER_ROLE - 1),
        async ([event, data], role, n) => {
          // Kicked or replaced sockets are disconnected by the server: a fresh one takes the slot.
          if (!senders[role][n]!.socket.connected) {
            senders[role][n] = await pool.connect(server.url);
            await restore(role, senders[role][n]);
          }
          const socket = senders[role][n]!;
          const reply = await socket.call(event, ...(data === undefined ? [] : [data]));
          if (event === 'host:attach' || event === 'player:join' || event === 'player:resume') await restore(role, socket);
          if (reply.ok) {
            expect(reply).toEqual({ ok: true, data: expect.anything() });
            seen.set(event, (seen.get(event) ?? new Set()).add('OK'));
            return;
          }
          expect(reply).toEqual({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
          expect([...DOCUMENTED[event]!, ...ALWAYS]).toContain(reply.error.code);
          seen.set(event, (seen.get(event) ?? new Set()).add(reply.error.code));
        },
      ),
      { numRuns: RUNS, seed: 20261127 },
    );
    // The fuzz reached past validation into the game, not only INVALID_PAYLOAD.
    expect([...(seen.get('player:join') ?? [])]).toEqual(expect.arrayContaining(['INVALID_PAYLOAD', 'GAME_NOT_FOUND']));
    expect([...(seen.get('player:resume') ?? [])]).toEqual(expect.arrayContaining(['INVALID_PAYLOAD', 'INVALID_TOKEN']));
    expect([...(seen.get('host:kick') ?? [])]).toEqual(expect.arrayContaining(['INVALID_PAYLOAD', 'PLAYER_NOT_FOUND']));
    expect([...seen.values()].some((codes) => codes.has('OK'))).toBe(true);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);

    // The game beside it plays a question as if nothing happened.
    const lobby = (await bystanders.host.ok<HostSnapshot>('host:attach', { hostToken: bystanders.hostToken })).lobby;
    expect(lobby.players.map((p) => p.nickname)).toEqual(['Ana', 'Beto', 'Carla']);
    await bystanders.host.ok('host:start');
    await Promise.all(bystanders.phones.map((p) => p.next<QuestionView>('question:open', (q) => q.index === 0)));
    for (const phone of bystanders.phones) expect(await phone.ok('player:answer', { questionIndex: 0, answer: 0 })).toEqual({ received: true });
    const reveal = await bystanders.host.next<RevealView>('question:reveal', (r) => r.index === 0);
    expect(reveal.distribution.unanswered).toBe(0);
  }, 120_000);
});
