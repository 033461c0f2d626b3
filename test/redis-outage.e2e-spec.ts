import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { QuestionView, RevealView } from '../src/game/engine/index.js';
import type { Ack, JoinResult, ServerEvents } from '../src/protocol/index.js';
import { rightAnswer } from './support/answers.js';
import { roundFor } from './support/classroom.js';
import { startApp, type RunningApp } from './support/e2e-app.js';
import { ClientPool } from './support/quiz-client.js';
import { OwnRedis } from './support/redis-server.js';
import { ifStarted } from './support/teardown.js';

const REQUEST = { questionCount: 2, seed: 3, types: ['single' as const] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Redis stops in the middle of a question', () => {
  let redis: OwnRedis;
  let server: RunningApp;
  const pool = new ClientPool();

  beforeAll(async () => {
    redis = await OwnRedis.create();
    await redis.start();
    server = await startApp({ REDIS_URL: redis.url, REDIS_PREFIX: 'outage-test:', REDIS_COMMAND_TIMEOUT_MS: '500' });
  });

  afterAll(async () => {
    pool.closeAll();
    await ifStarted(server)?.close();
    await ifStarted(redis)?.stop();
  });

  test('the deadline stops while Redis is away, clients are told why, REST answers 503, and the answer sent afterwards counts', async () => {
    const round = await roundFor(REQUEST);
    const { body } = await server.api<{ gameId: string; pin: string; hostToken: string }>('POST', '/api/games', {
      deckId: 'tema1-virtualizacion',
      timeLimitSec: 5,
      ...REQUEST,
    });
    const host = await pool.connect(server.url);
    await host.ok('host:attach', { hostToken: body.hostToken });
    const phones = await Promise.all([0, 1].map(() => pool.connect(server.url)));
    await Promise.all(phones.map((p, i) => p.ok<JoinResult>('player:join', { pin: body.pin, nickname: `P${i}` })));
    await host.ok('host:start');
    await host.next<QuestionView>('question:open', (q) => q.index === 0);
    await phones[0]!.ok('player:answer', { questionIndex: 0, answer: rightAnswer(round[0]!) });

    await redis.stop();
    const paused = await phones[1]!.next<ServerEvents['game:paused']>('game:paused');
    expect(paused).toMatchObject({ reason: 'store-unavailable', byHostAbsence: false });
    const refused = await phones[1]!.call('player:answer', { questionIndex: 0, answer: rightAnswer(round[0]!) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TRY_AGAIN' } });
    const history = await fetch(`${server.url}/api/history`, { headers: { authorization: 'Bearer e2e-teacher-key-0123456789' } });
    expect(history.status).toBe(503);
    expect(history.headers.get('retry-after')).toBe('1');
    expect(((await history.json()) as { error: { code: string } }).error.code).toBe('TRY_AGAIN');
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(503);
    // Longer than the whole question (5 s + 0.5 s grace): without the pause it would close while Redis is away.
    await sleep(6500);
    const mark = phones[1]!.mark();
    await redis.start();
    await phones[1]!.next<QuestionView>('game:resumed', () => true, mark, 20_000);

    // What the phone page does after an outage: send the same answer again until it is kept.
    let reply: Ack<unknown> | null = null;
    for (let attempt = 0; attempt < 40; attempt++) {
      reply = await phones[1]!.call('player:answer', { questionIndex: 0, answer: rightAnswer(round[0]!) });
      if (reply.ok || reply.error.code !== 'TRY_AGAIN') break;
      await sleep(250);
    }
    expect(reply).toMatchObject({ ok: true });
    const reveal = await host.next<RevealView>('question:reveal', (r) => r.index === 0, 0, 20_000);
    expect(reveal.distribution).toMatchObject({ correct: 2, unanswered: 0 });
    expect(host.frames.filter((f) => f.event === 'question:reveal')).toHaveLength(1);
  }, 60_000);
});
