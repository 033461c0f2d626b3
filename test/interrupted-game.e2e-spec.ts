import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import type { ResumeResult } from '../src/protocol/index.js';
import type { HistoryRecord } from '../src/history/history-record.js';
import type { HistoryReport } from '../src/history/history-report.js';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { classMidQuestion } from './support/class-mid-question.js';
import { ClientPool } from './support/quiz-client.js';

const REQUEST = { questionCount: 3, seed: 5, types: ['single' as const] };

const SHORT_ABSENCE = { ABANDON_AFTER_MS: '3000', HOST_ABSENCE_PAUSE_MS: '1000' };

/** The record, once the server has written it (the game ends on the server's own timer). */
async function historyOf(server: BuiltServer, gameId: string): Promise<HistoryRecord> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const { status, body } = await server.api<HistoryRecord>('GET', `/api/history/${gameId}`);
    if (status === 200) return body;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`game ${gameId} never reached history:\n${server.output()}`);
}

describe('a game whose server stopped and whose teacher never came back (npm start, DATA_DIR kept)', () => {
  const pool = new ClientPool();
  const servers: BuiltServer[] = [];

  afterEach(async () => {
    pool.closeAll();
    await Promise.all(servers.splice(0).map((s) => s.crash()));
  });

  test('after kill -9 mid-question it ends as interrupted, with the acknowledged answers in history', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-interrupted-'));
    const { server: first, game, joined } = await classMidQuestion(pool, servers, { DATA_DIR: dataDir, ...SHORT_ABSENCE }, REQUEST);
    await first.crash();

    // The teacher never comes back. A game keeps the abandon delay it was created with, so both runs use a short one.
    const second = await startBuiltServer({ DATA_DIR: dataDir, ...SHORT_ABSENCE });
    servers.push(second);
    const record = await historyOf(second, game.gameId);
    // A student's phone that comes back sees how the game ended.
    const phone = await pool.connect(second.url);
    const resumed = await phone.ok<ResumeResult>('player:resume', { playerToken: joined[0]!.playerToken });
    expect(resumed.snapshot.gameOver).toMatchObject({ endReason: 'interrupted' });

    expect(record.endReason).toBe('interrupted');
    // Only the question that was open is in the record, with both acknowledged answers.
    expect(record.questions).toHaveLength(1);
    expect(record.questions[0]!.answers.map((a) => [a.nickname, a.correct]).sort()).toEqual([
      ['P0', true],
      ['P1', false],
    ]);
    expect(record.questions[0]!.distribution).toMatchObject({ correct: 1, incorrect: 1, unanswered: 1 });
    expect((await second.api<HistoryReport>('GET', `/api/history/${game.gameId}/report`)).body.endReason).toBe('interrupted');
    const csv = await (
      await fetch(`${second.url}/api/history/${game.gameId}/export.csv?lang=es`, { headers: { authorization: `Bearer ${second.teacherKey}` } })
    ).text();
    expect(csv.split('\n')[1]).toContain('interrumpida');
  }, 60_000);
});
