import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { GameOverView, QuestionView, RevealView } from '../src/game/engine/index.js';
import type { Ack, JoinResult } from '../src/protocol/index.js';
import type { HistoryRecord } from '../src/history/history-record.js';
import { rightAnswer } from './support/answers.js';
import { roundFor } from './support/classroom.js';
import { startApp, type RunningApp } from './support/e2e-app.js';
import { ClientPool, type QuizClient } from './support/quiz-client.js';
import { OwnRedis } from './support/redis-server.js';
import { ifStarted } from './support/teardown.js';

const REQUEST = { questionCount: 3, seed: 9, types: ['single' as const] };

describe('Redis restarts in the middle of a game', () => {
  let redis: OwnRedis;
  let server: RunningApp;
  const pool = new ClientPool();

  beforeAll(async () => {
    redis = await OwnRedis.create();
    await redis.start();
    server = await startApp({ REDIS_URL: redis.url, REDIS_PREFIX: 'restart-test:', REDIS_COMMAND_TIMEOUT_MS: '500' });
  });

  afterAll(async () => {
    pool.closeAll();
    await ifStarted(server)?.close();
    await ifStarted(redis)?.stop();
  });

  /** What the phone page does: send again while the server answers TRY_AGAIN (or does not answer). */
  async function answerUntilKept(phone: QuizClient, questionIndex: number, answer: unknown, refusals: string[]): Promise<void> {
    for (let attempt = 0; attempt < 60; attempt++) {
      let reply: Ack<unknown>;
      try {
        reply = await phone.call('player:answer', { questionIndex, answer });
      } catch {
        refusals.push('NO_ACK');
        continue;
      }
      if (reply.ok) return;
      refusals.push(reply.error.code);
      expect(reply.error.code).toBe('TRY_AGAIN');
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('answer never kept');
  }

  test('answers are either kept or refused as retryable; the game finishes with none lost and none counted twice', async () => {
    const round = await roundFor(REQUEST);
    const { body } = await server.api<{ gameId: string; pin: string; hostToken: string }>('POST', '/api/games', {
      deckId: 'tema1-virtualizacion',
      timeLimitSec: 60,
      ...REQUEST,
    });
    const host = await pool.connect(server.url);
    await host.ok('host:attach', { hostToken: body.hostToken });
    const phones = await Promise.all([0, 1, 2].map(() => pool.connect(server.url)));
    await Promise.all(phones.map((p, i) => p.ok<JoinResult>('player:join', { pin: body.pin, nickname: `P${i}` })));
    await host.ok('host:start');
    await host.next<QuestionView>('question:open', (q) => q.index === 0);
    for (const phone of phones) await phone.ok('player:answer', { questionIndex: 0, answer: rightAnswer(round[0]!) });
    await host.next<RevealView>('question:reveal', (r) => r.index === 0);
    await host.ok('host:next');
    await host.ok('host:next');
    await host.next<QuestionView>('question:open', (q) => q.index === 1);
    await phones[0]!.ok('player:answer', { questionIndex: 1, answer: rightAnswer(round[1]!) });

    await redis.stop();
    const refusals: string[] = [];
    const pending = answerUntilKept(phones[1]!, 1, rightAnswer(round[1]!), refusals);
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
    await pending;
    expect(refusals.length).toBeGreaterThan(0);
    await answerUntilKept(phones[2]!, 1, rightAnswer(round[1]!), refusals);
    // A repeat after the restart is the same acknowledged answer, not a second one.
    await answerUntilKept(phones[0]!, 1, rightAnswer(round[1]!), refusals);

    await host.next<RevealView>('question:reveal', (r) => r.index === 1, 0, 20_000);
    for (let attempt = 0; attempt < 20; attempt++) {
      const reply = await host.call('host:next');
      if (reply.ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await host.ok('host:next');
    await host.next<QuestionView>('question:open', (q) => q.index === 2);
    for (const phone of phones) await answerUntilKept(phone, 2, rightAnswer(round[2]!), refusals);
    await host.next<RevealView>('question:reveal', (r) => r.index === 2, 0, 20_000);
    await host.ok('host:next');
    const over = await host.next<GameOverView>('game:over');

    const { body: record } = await server.api<HistoryRecord>('GET', `/api/history/${body.gameId}`);
    expect(record.questions.map((q) => q.answers.length)).toEqual([3, 3, 3]);
    expect(record.leaderboard.map((p) => p.correctCount)).toEqual([3, 3, 3]);
    for (const player of record.leaderboard) {
      const points = record.questions.flatMap((q) => q.answers.filter((a) => a.playerId === player.playerId)).reduce((s, a) => s + a.points, 0);
      expect(player.score).toBe(points);
    }
    expect(over.leaderboard.map((p) => p.score)).toEqual(record.leaderboard.map((p) => p.score));
  }, 60_000);
});
