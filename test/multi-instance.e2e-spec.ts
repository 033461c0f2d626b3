import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { GameOverView, PlayerGameOverView, PlayerResultView, QuestionView } from '../src/game/engine/index.js';
import type { JoinResult } from '../src/protocol/index.js';
import { rightAnswer } from './support/answers.js';
import { roundFor } from './support/classroom.js';
import { startApp, type RunningApp } from './support/e2e-app.js';
import { ClientPool } from './support/quiz-client.js';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from './support/redis.js';
import { ifStarted } from './support/teardown.js';

describe('two server instances sharing one Redis', () => {
  const prefix = testPrefix();
  let a: RunningApp;
  let b: RunningApp;
  const pool = new ClientPool();
  const connect = (server: RunningApp) => pool.connect(server.url);

  beforeAll(async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
    a = await startApp({ ...env, INSTANCE_ID: 'a' });
    b = await startApp({ ...env, INSTANCE_ID: 'b' });
  });

  afterAll(async () => {
    pool.closeAll();
    await Promise.all([ifStarted(a)?.close(), ifStarted(b)?.close()]);
    await dropPrefix(prefix);
  });

  test('host on one instance, players on both: one game, every broadcast reaches everyone', async () => {
    const request = { questionCount: 3, seed: 5, types: ['single' as const] };
    const created = await b.api<{ pin: string; hostToken: string; gameId: string }>('POST', '/api/games', {
      deckId: 'tema1-virtualizacion',
      timeLimitSec: 30,
      ...request,
    });
    const round = await roundFor(request);
    const host = await connect(a);
    await host.ok('host:attach', { hostToken: created.body.hostToken });
    const phones = [await connect(a), await connect(b), await connect(b)];
    const joined = await Promise.all(phones.map((p, i) => p.ok<JoinResult>('player:join', { pin: created.body.pin, nickname: `P${i}` })));
    await host.next<{ count: number }>('lobby:update', (l) => l.count === 3);
    await host.ok('host:start');
    for (let i = 0; i < 3; i++) {
      await Promise.all(phones.map((p) => p.next<QuestionView>('question:open', (q) => q.index === i)));
      for (const phone of phones) await phone.ok('player:answer', { questionIndex: i, answer: rightAnswer(round[i]!) });
      // A repeat through the other instance gets the same ack and changes nothing.
      await phones[1]!.ok('player:answer', { questionIndex: i, answer: 0 });
      await Promise.all(phones.map((p) => p.next<PlayerResultView>('player:result', (r) => r.index === i)));
      await host.ok('host:next');
      if (i < 2) await host.ok('host:next');
    }
    const over = await host.next<GameOverView>('game:over');
    expect((await phones[2]!.next<PlayerGameOverView>('game:over')).total).toBe(3);
    expect(over.leaderboard.map((p) => p.correctCount)).toEqual([3, 3, 3]);
    expect(over.leaderboard.every((p) => p.score >= 3 * 500)).toBe(true);
    // Every player resumes through either instance.
    const resumedOnA = await connect(a);
    expect((await resumedOnA.ok<{ playerId: string }>('player:resume', { playerToken: joined[2]!.playerToken })).playerId).toBe(joined[2]!.playerId);
    const history = await a.api<{ leaderboard: Array<{ score: number }> }>('GET', `/api/history/${created.body.gameId}`);
    expect(history.body.leaderboard.map((p) => p.score)).toEqual(over.leaderboard.map((p) => p.score));
  });

  test('phones joining through both instances at once: none refused for the other, each nickname taken once', async () => {
    const created = await a.api<{ pin: string; hostToken: string }>('POST', '/api/games', {
      deckId: 'tema1-virtualizacion',
      timeLimitSec: 30,
      questionCount: 1,
      seed: 7,
      types: ['single'],
    });
    const host = await connect(a);
    await host.ok('host:attach', { hostToken: created.body.hostToken });
    const pin = created.body.pin;
    const onA = await Promise.all(Array.from({ length: 15 }, () => connect(a)));
    const onB = await Promise.all(Array.from({ length: 15 }, () => connect(b)));
    // Every name is asked for on both instances at the same moment (differing only in case), plus a name of each phone's own.
    const twins = await Promise.all([
      ...onA.map((p, i) => p.call<JoinResult>('player:join', { pin, nickname: `Twin ${i}` })),
      ...onB.map((p, i) => p.call<JoinResult>('player:join', { pin, nickname: `twin ${i}` })),
    ]);
    const own = await Promise.all(
      [...onA, ...onB].map(async (_, i) => (await connect(i % 2 ? b : a)).call<JoinResult>('player:join', { pin, nickname: `Own ${i}` })),
    );
    expect(own.every((ack) => ack.ok)).toBe(true);
    for (let i = 0; i < 15; i++) {
      const pair = [twins[i]!, twins[15 + i]!];
      expect(pair.filter((ack) => ack.ok)).toHaveLength(1);
      expect(pair.find((ack) => !ack.ok)).toMatchObject({ ok: false, error: { code: 'NICKNAME_TAKEN' } });
    }
    await host.next<{ count: number }>('lobby:update', (l) => l.count === 45);
  });
});
