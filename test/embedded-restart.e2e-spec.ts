import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import type { GameOverView, HostSnapshot, QuestionView, RevealView } from '../src/game/engine/index.js';
import type { ResumeResult } from '../src/protocol/index.js';
import type { HistoryRecord } from '../src/history/history-record.js';
import { rightAnswer } from './support/answers.js';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { classMidQuestion } from './support/class-mid-question.js';
import { ClientPool } from './support/quiz-client.js';

const REQUEST = { questionCount: 2, seed: 5, types: ['single' as const] };

describe('the embedded server stops mid-question (npm start, DATA_DIR kept)', () => {
  const pool = new ClientPool();
  const servers: BuiltServer[] = [];

  afterEach(async () => {
    pool.closeAll();
    await Promise.all(servers.splice(0).map((s) => s.crash()));
  });

  test.each([
    ['kill -9', 'crash'],
    ['SIGTERM', 'stop'],
  ] as const)(
    'after %s, acknowledged answers are found, the game resumes and reaches history whole',
    async (_label, how) => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-restart-'));
      const { server: first, round, game, host, phones, joined } = await classMidQuestion(pool, servers, { DATA_DIR: dataDir }, REQUEST);

      if (how === 'crash') {
        await first.crash();
      } else {
        await first.stop();
        // A graceful stop tells every page before it closes the connection.
        const notices = await Promise.all([host, ...phones].map((client) => client.next('server:restarting')));
        expect(notices).toEqual(Array(4).fill({ reason: 'shutdown', retryAfterMs: 2000 }));
        expect(first.output()).not.toContain('did not stop within');
      }

      const second = await startBuiltServer({ DATA_DIR: dataDir });
      servers.push(second);
      const host2 = await pool.connect(second.url);
      const snapshot = await host2.ok<HostSnapshot>('host:attach', { hostToken: game.hostToken });
      expect(snapshot).toMatchObject({ phase: 'question', paused: true, progress: { answered: 2 } });
      const phones2 = await Promise.all([0, 1, 2].map(() => pool.connect(second.url)));
      const resumed = await Promise.all(phones2.map((p, i) => p.ok<ResumeResult>('player:resume', { playerToken: joined[i]!.playerToken })));
      expect(resumed.map((r) => r.snapshot.answered)).toEqual([true, true, false]);

      await host2.ok('host:resume');
      await phones2[2]!.ok('player:answer', { questionIndex: 0, answer: rightAnswer(round[0]!) });
      const reveal = await host2.next<RevealView>('question:reveal', (r) => r.index === 0);
      expect(reveal.distribution).toMatchObject({ correct: 2, incorrect: 1, unanswered: 0 });
      await host2.ok('host:next');
      await host2.ok('host:next');
      await host2.next<QuestionView>('question:open', (q) => q.index === 1);
      await host2.ok('host:skip');
      await host2.ok('host:next');
      const over = await host2.next<GameOverView & { historySaved: boolean }>('game:over');
      expect(over.historySaved).toBe(true);

      const { body: record } = await second.api<HistoryRecord>('GET', `/api/history/${game.gameId}`);
      expect(record.questions[0]!.answers).toHaveLength(3);
      expect(record.leaderboard.find((p) => p.nickname === 'P0')!.correctCount).toBe(1);
    },
    60_000,
  );
});
