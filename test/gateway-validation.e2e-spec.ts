import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import type { HostSnapshot } from '../src/game/engine/index.js';
import type { JoinResult } from '../src/protocol/index.js';
import { startApp, type RunningApp } from './support/e2e-app.js';
import { ClientPool, type QuizClient } from './support/quiz-client.js';

const DECK = 'tema1-virtualizacion';

describe('bad input over sockets and REST', () => {
  let server: RunningApp;
  const pool = new ClientPool();
  let game: { gameId: string; pin: string; hostToken: string };
  let host: QuizClient;
  let ana: QuizClient;
  let anaJoin: JoinResult;

  const connect = () => pool.connect(server.url);
  const createGame = async (body: Record<string, unknown> = {}) =>
    (await server.api<typeof game>('POST', '/api/games', { deckId: DECK, questionCount: 3, seed: 7, ...body })).body;

  beforeAll(async () => {
    server = await startApp();
  });
  afterAll(async () => {
    pool.closeAll();
    await server.close();
  });

  beforeEach(async () => {
    pool.closeAll();
    game = await createGame({ types: ['single'] });
    host = await connect();
    await host.ok('host:attach', { hostToken: game.hostToken });
    ana = await connect();
    anaJoin = await ana.ok<JoinResult>('player:join', { pin: game.pin, nickname: 'Ana' });
  });

  async function expectError(client: QuizClient, code: string, event: string, ...args: unknown[]) {
    const reply = await client.call(event, ...args);
    expect(reply).toEqual({ ok: false, error: { code, message: expect.any(String) } });
  }

  async function expectGameIntact() {
    const snapshot = await host.ok<HostSnapshot>('host:attach', { hostToken: game.hostToken });
    expect(snapshot.lobby.players.map((p) => p.nickname)).toEqual(['Ana']);
    return snapshot;
  }

  test('player:join: wrong types, missing and extra fields, bad nicknames', async () => {
    const bob = await connect();
    const bad: unknown[] = [
      { pin: 123456, nickname: 'Bob' },
      { pin: '12345', nickname: 'Bob' },
      { nickname: 'Bob' },
      { pin: game.pin },
      { pin: game.pin, nickname: 'Bob', playerId: 'x' },
      { pin: game.pin, nickname: 'B'.repeat(21) },
      { pin: game.pin, nickname: '   ' },
      { pin: game.pin, nickname: ['Bob'] },
      'just a string',
      null,
      [game.pin, 'Bob'],
    ];
    for (const payload of bad) await expectError(bob, 'INVALID_PAYLOAD', 'player:join', payload);
    await expectError(bob, 'NICKNAME_TAKEN', 'player:join', { pin: game.pin, nickname: ' ana ' });
    await expectError(bob, 'GAME_NOT_FOUND', 'player:join', { pin: game.pin === '999999' ? '999998' : '999999', nickname: 'Bob' });
    await expectGameIntact();
  });

  test('player:resume and player:answer refuse bad tokens, strangers and malformed answers', async () => {
    const stranger = await connect();
    await expectError(stranger, 'INVALID_PAYLOAD', 'player:resume', {});
    await expectError(stranger, 'INVALID_PAYLOAD', 'player:resume', { playerToken: 'x'.repeat(500) });
    await expectError(stranger, 'INVALID_TOKEN', 'player:resume', { playerToken: `${game.gameId}.nobody.secret` });
    await expectError(stranger, 'INVALID_TOKEN', 'player:resume', { playerToken: anaJoin.playerToken + 'x' });
    await expectError(stranger, 'NOT_PLAYER', 'player:answer', { questionIndex: 0, answer: 0 });
    await expectError(ana, 'NOT_OPEN', 'player:answer', { questionIndex: 0, answer: 0 });
    await host.ok('host:start');
    for (const payload of [
      { questionIndex: '0', answer: 0 },
      { questionIndex: 0 },
      { questionIndex: 0, answer: { pick: 1 } },
      { questionIndex: 0, answer: 'x'.repeat(201) },
      { questionIndex: 0, answer: [1, 2.5] },
      { questionIndex: 0, answer: 0, playerId: anaJoin.playerId },
      { questionIndex: -1, answer: 0 },
    ]) {
      await expectError(ana, 'INVALID_PAYLOAD', 'player:answer', payload);
    }
    await expectError(ana, 'INVALID_ANSWER', 'player:answer', { questionIndex: 0, answer: [0, 1] });
    await expectError(ana, 'INVALID_ANSWER', 'player:answer', { questionIndex: 0, answer: 9 });
    await expectError(ana, 'NOT_OPEN', 'player:answer', { questionIndex: 2, answer: 0 });
    expect(await ana.ok('player:answer', { questionIndex: 0, answer: 0 })).toEqual({ received: true });
  });

  test('host events from players, strangers and with bad payloads are refused', async () => {
    for (const event of ['host:start', 'host:next', 'host:skip', 'host:pause', 'host:resume', 'host:end']) {
      await expectError(ana, 'NOT_HOST', event);
    }
    await expectError(ana, 'NOT_HOST', 'host:kick', { playerId: anaJoin.playerId });
    await expectError(ana, 'NOT_HOST', 'host:lock', { locked: true });
    await expectError(ana, 'INVALID_TOKEN', 'host:attach', { hostToken: `${game.gameId}.guess` });
    await expectError(host, 'INVALID_PAYLOAD', 'host:start', { force: true });
    await expectError(host, 'INVALID_PAYLOAD', 'host:kick', {});
    await expectError(host, 'INVALID_PAYLOAD', 'host:lock', { locked: 'yes' });
    await expectError(host, 'INVALID_PAYLOAD', 'host:attach', { hostToken: 42 });
    await expectError(host, 'INVALID_PAYLOAD', 'host:kick', { playerId: 'nobody' });
    await expectError(host, 'PLAYER_NOT_FOUND', 'host:kick', { playerId: 'AAAAAAAAAAAA' });
    await expectError(host, 'WRONG_PHASE', 'host:next');
    await expectError(host, 'UNKNOWN_EVENT', 'host:explode', {});
    const snapshot = await expectGameIntact();
    expect(snapshot.phase).toBe('lobby');
  });

  test('an oversized frame closes only that connection; the game carries on', async () => {
    const bob = await connect();
    const closed = new Promise((resolve) => bob.socket.once('disconnect', resolve));
    bob.socket.emit('player:join', { pin: game.pin, nickname: 'x'.repeat(10_000) }, () => undefined);
    await closed;
    await expectGameIntact();
    await host.ok('host:start');
    expect(await ana.ok('player:answer', { questionIndex: 0, answer: 0 })).toEqual({ received: true });
  });

  test('nothing of one game reaches the players of another', async () => {
    const other = await createGame({ types: ['single'] });
    const otherHost = await connect();
    await otherHost.ok('host:attach', { hostToken: other.hostToken });
    const bea = await connect();
    await bea.ok('player:join', { pin: other.pin, nickname: 'Bea' });
    await otherHost.next('lobby:update');
    await host.ok('host:start');
    await ana.next('question:open');
    await ana.ok('player:answer', { questionIndex: 0, answer: 0 });
    await ana.next('player:result');
    expect(bea.frames.map((f) => f.event)).toEqual([]);
    expect(otherHost.frames.map((f) => f.event)).toEqual(['lobby:update']);
  });

  test('a kicked player is told, dropped, and cannot resume', async () => {
    const gone = new Promise((resolve) => ana.socket.once('disconnect', resolve));
    await host.ok('host:kick', { playerId: anaJoin.playerId });
    expect(await ana.next('player:kicked')).toMatchObject({ message: expect.any(String) });
    await gone;
    const again = await connect();
    await expectError(again, 'KICKED', 'player:resume', { playerToken: anaJoin.playerToken });
  });

  test('a connection flooding the server is refused RATE_LIMITED; the game and other players carry on', async () => {
    const flood = await connect();
    const replies = await Promise.all(Array.from({ length: 80 }, () => flood.call('host:start')));
    const codes = new Set(replies.map((r) => (r.ok ? 'OK' : r.error.code)));
    expect(codes).toEqual(new Set(['NOT_HOST', 'RATE_LIMITED']));
    await host.ok('host:start');
    expect(await ana.ok('player:answer', { questionIndex: 0, answer: 0 })).toEqual({ received: true });
  });

  test('events nobody handles count against the same limit: the excess is RATE_LIMITED, not UNKNOWN_EVENT', async () => {
    const flood = await connect();
    const replies = await Promise.all(Array.from({ length: 60 }, () => flood.call('host:explode', {})));
    const codes = replies.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(codes).toEqual([...Array<string>(40).fill('UNKNOWN_EVENT'), ...Array<string>(20).fill('RATE_LIMITED')]);
  });

  test('guessing PINs from one connection stops after a few wrong ones', async () => {
    const guesser = await connect();
    const codes: string[] = [];
    // Live PINs never start with 0, so these name no game.
    for (let i = 0; i < 12; i++) {
      const reply = await guesser.call('player:join', { pin: `0000${String(i).padStart(2, '0')}`, nickname: 'Guess' });
      codes.push(reply.ok ? 'OK' : reply.error.code);
    }
    expect(codes).toEqual([...Array<string>(10).fill('GAME_NOT_FOUND'), 'RATE_LIMITED', 'RATE_LIMITED']);
    const reply = await guesser.call('player:join', { pin: game.pin, nickname: 'Late' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  test('REST: teacher key, body validation and clear errors', async () => {
    expect((await server.api('POST', '/api/games', { deckId: DECK, questionCount: 3 }, null)).status).toBe(401);
    expect((await server.api('POST', '/api/games', { deckId: DECK, questionCount: 3 }, 'wrong-key-123456')).status).toBe(401);
    const cases: Array<[unknown, number, string]> = [
      [{ deckId: DECK, questionCount: 0 }, 400, 'INVALID_PAYLOAD'],
      [{ deckId: DECK, questionCount: 3, scoring: 'fastest' }, 400, 'INVALID_PAYLOAD'],
      [{ deckId: DECK, questionCount: 3, extra: 1 }, 400, 'INVALID_PAYLOAD'],
      [{ deckId: DECK, questionCount: 3, timeLimitSec: 2 }, 400, 'INVALID_PAYLOAD'],
      [{ deckId: DECK, questionCount: 3, sections: ['99. Nada'] }, 400, 'INVALID_PAYLOAD'],
      [{ deckId: DECK, questionCount: 3, types: ['essay'] }, 400, 'INVALID_PAYLOAD'],
      [{ deckId: 'no-such-deck', questionCount: 3 }, 404, 'DECK_NOT_FOUND'],
      [{ deckId: DECK, questionCount: 100, types: ['ordering'] }, 422, 'NOT_ENOUGH_QUESTIONS'],
    ];
    for (const [body, status, code] of cases) {
      const reply = await server.api<{ error: { code: string; message: string } }>('POST', '/api/games', body);
      expect([reply.status, reply.body.error.code]).toEqual([status, code]);
    }
    const short = await server.api<{ error: { message: string } }>('POST', '/api/games', { deckId: DECK, questionCount: 100, types: ['ordering'] });
    expect(short.body.error.message).toMatch(/Only \d+ questions/);
  });
});
