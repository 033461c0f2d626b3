import { describe, expect, test } from '@jest/globals';
import type { HostSnapshot, QuestionView } from '../src/game/engine/index.js';
import type { JoinResult, ResumeResult } from '../src/protocol/index.js';
import { appForTests } from './support/e2e-app.js';

describe('phones and host screens that come and go', () => {
  const app = appForTests();
  const connect = () => app.connect();

  async function startedGame() {
    const { body } = await app.server.api<{ pin: string; hostToken: string }>('POST', '/api/games', {
      deckId: 'tema1-virtualizacion',
      questionCount: 2,
      types: ['truefalse'],
      timeLimitSec: 30,
    });
    const host = await connect();
    await host.ok('host:attach', { hostToken: body.hostToken });
    const ana = await connect();
    const beto = await connect();
    const anaJoin = await ana.ok<JoinResult>('player:join', { pin: body.pin, nickname: 'Ana' });
    await beto.ok<JoinResult>('player:join', { pin: body.pin, nickname: 'Beto' });
    await host.ok('host:start');
    await ana.next<QuestionView>('question:open');
    return { ...body, host, ana, beto, anaJoin };
  }

  test('a newer connection of the same player replaces the older one', async () => {
    const { ana, anaJoin } = await startedGame();
    await ana.ok('player:answer', { questionIndex: 0, answer: 0 });
    const replaced = ana.next('session:replaced');
    const dropped = new Promise((resolve) => ana.socket.once('disconnect', resolve));
    const second = await connect();
    const resumed = await second.ok<ResumeResult>('player:resume', { playerToken: anaJoin.playerToken });
    expect(resumed.snapshot).toMatchObject({ phase: 'question', answered: true, me: { nickname: 'Ana' } });
    await replaced;
    await dropped;
    // The player is still connected through the new socket: the question stays open for Beto.
    await new Promise((r) => setTimeout(r, 100));
    expect(second.frames.map((f) => f.event)).not.toContain('player:result');
    expect(await second.ok('player:answer', { questionIndex: 0, answer: 1 })).toEqual({ received: true });
  });

  test('the host screen comes back to the same game after a refresh', async () => {
    const { host, hostToken, beto } = await startedGame();
    host.close();
    const refreshed = await connect();
    const snapshot = await refreshed.ok<HostSnapshot>('host:attach', { hostToken });
    expect(snapshot).toMatchObject({ phase: 'question', question: { index: 0 }, lobby: { count: 2 } });
    await beto.ok('player:answer', { questionIndex: 0, answer: 0 });
    expect(await refreshed.next<{ answered: number }>('question:progress')).toMatchObject({ answered: 1 });
    await refreshed.ok('host:skip');
    await refreshed.next('question:reveal');
  });
});
