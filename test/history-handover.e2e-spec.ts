import { afterAll, describe, expect, test } from '@jest/globals';
import type { GameOverView, QuestionView } from '../src/game/engine/index.js';
import type { JoinResult } from '../src/protocol/index.js';
import type { HistoryRecord } from '../src/history/history-record.js';
import { rightAnswer } from './support/answers.js';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { roundFor } from './support/classroom.js';
import { ClientPool } from './support/quiz-client.js';
import { dropPrefix, prefixedClient, TEST_REDIS_URL, testPrefix } from './support/redis.js';

const REQUEST = { questionCount: 1, seed: 3, types: ['single' as const] };

/**
 * History refuses every write while `{history}:deleted` (the set of deleted
 * games, read first by the save script) is not a set: a store fault that
 * leaves the live games working, as a Redis refusing some writes would.
 */
const HISTORY_FAULT_KEY = '{history}:deleted';

describe('Redis mode: the instance holding a record history refused dies (kill -9)', () => {
  const prefix = testPrefix();
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, ALLOW_VOLATILE_REDIS: '1' };
  const servers: BuiltServer[] = [];
  const pool = new ClientPool();
  const redis = prefixedClient(prefix);

  afterAll(async () => {
    pool.closeAll();
    await Promise.all(servers.map((s) => s.crash()));
    redis.disconnect();
    await dropPrefix(prefix);
  });

  test('another instance rebuilds the record from the game kept in Redis and stores it', async () => {
    const round = await roundFor(REQUEST);
    const a = await startBuiltServer({ ...env, INSTANCE_ID: 'instance-a' });
    servers.push(a);
    const { body: game } = await a.api<{ gameId: string; pin: string; hostToken: string }>('POST', '/api/games', {
      deckId: 'tema1-virtualizacion',
      timeLimitSec: 60,
      ...REQUEST,
    });
    const host = await pool.connect(a.url);
    await host.ok('host:attach', { hostToken: game.hostToken });
    const phones = await Promise.all([0, 1].map(() => pool.connect(a.url)));
    await Promise.all(phones.map((p, i) => p.ok<JoinResult>('player:join', { pin: game.pin, nickname: `P${i}` })));
    await host.ok('host:start');
    await host.next<QuestionView>('question:open', (q) => q.index === 0 && q.options.length > 0);
    await phones[0]!.ok('player:answer', { questionIndex: 0, answer: rightAnswer(round[0]!) });

    await redis.set(HISTORY_FAULT_KEY, 'not a set');
    await host.ok('host:skip');
    await host.ok('host:next');
    const over = await host.next<GameOverView & { historySaved: boolean }>('game:over');
    expect(over.historySaved).toBe(false);
    // The record waits in instance A's outbox, and A says so.
    const ready = await a.api<{ details: { history: { status: string; count: number } } }>('GET', '/health/ready');
    expect(ready.body.details.history).toMatchObject({ status: 'down', count: 1 });

    await a.crash();
    await redis.del(HISTORY_FAULT_KEY);
    const b = await startBuiltServer({ ...env, INSTANCE_ID: 'instance-b' });
    servers.push(b);

    let record: HistoryRecord | null = null;
    for (let attempt = 0; attempt < 120 && !record; attempt++) {
      const found = await b.api<HistoryRecord>('GET', `/api/history/${game.gameId}`);
      if (found.status === 200) record = found.body;
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(record).not.toBeNull();
    expect(record!).toMatchObject({ endReason: 'completed', leaderboard: [{ nickname: 'P0', correctCount: 1 }, { nickname: 'P1' }] });
    expect(record!.questions[0]!.answers.map((x) => x.nickname)).toEqual(['P0']);
    expect(record!.questions[0]!.distribution).toMatchObject({ correct: 1, unanswered: 1 });
  }, 90_000);
});
