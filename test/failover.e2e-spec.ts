import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Redis } from 'ioredis';
import type { GameOverView, QuestionView, RevealView } from '../src/game/engine/index.js';
import type { HistoryRecord } from '../src/history/history-record.js';
import type { JoinResult, ResumeResult } from '../src/protocol/index.js';
import { scoreAnswer } from '../src/game/engine/scoring.js';
import { rightAnswer, wrongAnswer } from './support/answers.js';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { roundFor } from './support/classroom.js';
import { ClientPool, type QuizClient } from './support/quiz-client.js';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from './support/redis.js';
import { ifStarted } from './support/teardown.js';

const TIME_LIMIT_MS = 5000;
const REQUEST = { questionCount: 3, seed: 8, types: ['single' as const] };

describe('the instance driving a game dies (kill -9) mid-question', () => {
  const prefix = testPrefix();
  let a: BuiltServer;
  let b: BuiltServer;
  const pool = new ClientPool();
  const connect = (server: BuiltServer) => pool.connect(server.url);
  const api = async <T>(server: BuiltServer, method: string, path: string, body?: unknown) =>
    (await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.teacherKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((r) => r.json())) as T;

  beforeAll(async () => {
    // The shared test Redis keeps no append-only file: fine for a test.
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, ALLOW_VOLATILE_REDIS: '1' };
    a = await startBuiltServer({ ...env, INSTANCE_ID: 'instance-a' });
    b = await startBuiltServer({ ...env, INSTANCE_ID: 'instance-b' });
  }, 40_000);

  afterAll(async () => {
    pool.closeAll();
    await Promise.all([ifStarted(a)?.stop(), ifStarted(b)?.stop()]);
    await dropPrefix(prefix);
  });

  test('the other instance takes over the timers, closes the question once, and every acknowledged answer counts', async () => {
    const round = await roundFor(REQUEST);
    const created = await api<{ gameId: string; pin: string; hostToken: string }>(a, 'POST', '/api/games', {
      deckId: 'tema1-virtualizacion',
      timeLimitSec: TIME_LIMIT_MS / 1000,
      ...REQUEST,
    });
    const redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    const leaseKey = `game:{${created.gameId}}:lease`;
    try {
      // The instance that created the game drives it.
      for (let i = 0; i < 20 && (await redis.get(leaseKey)) !== 'instance-a'; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await redis.get(leaseKey)).toBe('instance-a');

      const host = await connect(b);
      await host.ok('host:attach', { hostToken: created.hostToken });
      const onA = [await connect(a), await connect(a)];
      const onB = [await connect(b), await connect(b)];
      const phones = [...onA, ...onB];
      const joined = await Promise.all(phones.map((p, i) => p.ok<JoinResult>('player:join', { pin: created.pin, nickname: `P${i}` })));
      const acked: Array<{ player: number; question: number; right: boolean }> = [];
      const answer = async (phone: QuizClient, player: number, question: number, right: boolean) => {
        const q = round[question]!;
        await phone.ok('player:answer', { questionIndex: question, answer: right ? rightAnswer(q) : wrongAnswer(q) });
        acked.push({ player, question, right });
      };

      await host.ok('host:start');
      await host.next<QuestionView>('question:open', (q) => q.index === 0);
      for (const [i, phone] of phones.entries()) await answer(phone, i, 0, i % 2 === 0);
      await host.next<RevealView>('question:reveal', (r) => r.index === 0);
      await host.ok('host:next');
      await host.ok('host:next');
      await host.next<QuestionView>('question:open', (q) => q.index === 1);

      // Question 1: P0 (on A) and P2 (on B) answer, then A is killed. P3 never answers.
      await answer(onA[0]!, 0, 1, true);
      await answer(onB[0]!, 2, 1, true);
      await a.crash();
      const moved = await connect(b);
      const resumed = await moved.ok<ResumeResult>('player:resume', { playerToken: joined[1]!.playerToken });
      expect(resumed.snapshot).toMatchObject({ phase: 'question', answered: false });
      await answer(moved, 1, 1, false);
      const back = await connect(b);
      expect((await back.ok<ResumeResult>('player:resume', { playerToken: joined[0]!.playerToken })).snapshot.answered).toBe(true);

      // Nobody on B drove this game: it must adopt it and close the question at its stored deadline.
      const reveal = await host.next<RevealView>('question:reveal', (r) => r.index === 1, 0, 20_000);
      expect(reveal.distribution).toMatchObject({ correct: 2, incorrect: 1 });
      expect(await redis.get(leaseKey)).toBe('instance-b');

      await host.ok('host:next');
      await host.ok('host:next');
      await host.next<QuestionView>('question:open', (q) => q.index === 2);
      for (const [i, phone] of [back, moved, onB[0]!, onB[1]!].entries()) await answer(phone, i, 2, true);
      await host.next<RevealView>('question:reveal', (r) => r.index === 2, 0, 15_000);
      await host.ok('host:next');
      const over = await host.next<GameOverView>('game:over');

      // The question closed once, for everyone who stayed.
      expect(host.frames.filter((f) => f.event === 'question:reveal' && (f.payload as RevealView).index === 1)).toHaveLength(1);

      // Every acknowledged answer is in the record, once, and the scores add up.
      const record = await api<HistoryRecord>(b, 'GET', `/api/history/${created.gameId}`);
      for (const ack of acked) {
        const answers = record.questions[ack.question]!.answers.filter((x) => x.playerId === joined[ack.player]!.playerId);
        expect([ack, answers.length, answers[0]?.correct]).toEqual([ack, 1, ack.right]);
      }
      expect(record.questions.flatMap((q) => q.answers)).toHaveLength(acked.length);
      for (const player of record.leaderboard) {
        let streak = 0;
        let total = 0;
        for (const q of record.questions) {
          const given = q.answers.find((x) => x.playerId === player.playerId);
          const scored = scoreAnswer({
            profile: 'classic',
            correct: given?.correct ?? false,
            responseMs: given?.responseMs ?? 0,
            timeLimitMs: TIME_LIMIT_MS,
            multiplier: 1,
            previousStreak: streak,
          });
          expect(given?.points ?? 0).toBe(scored.points);
          streak = scored.streak;
          total += scored.points;
        }
        expect(player.score).toBe(total);
      }
      expect(over.leaderboard.map((p) => p.score)).toEqual(record.leaderboard.map((p) => p.score));
      // The players as Redis keeps them (one field each) hold exactly the points awarded.
      const stored = await redis.hgetall(`game:{${created.gameId}}:players`);
      const scores = new Map(Object.entries(stored).map(([id, json]) => [id, (JSON.parse(json) as { player: { score: number } }).player.score]));
      for (const player of record.leaderboard) expect([player.nickname, scores.get(player.playerId)]).toEqual([player.nickname, player.score]);
    } finally {
      redis.disconnect();
    }
  }, 60_000);
});
