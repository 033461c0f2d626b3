import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { GameOverView } from '../src/game/engine/index.js';
import type { HistoryRecord } from '../src/history/history-record.js';
import type { HistoryReport } from '../src/history/history-report.js';
import type { DeckSections } from '../src/history/history.service.js';
import type { HistoryPage } from '../src/history/history-summary.js';
import { Classroom, type Move } from './support/classroom.js';
import { startApp, type RunningApp } from './support/e2e-app.js';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from './support/redis.js';

const NAMES = ['Ana', 'Beto', 'Carla'];
const PLAN: Move[][] = [
  ['right', 'wrong', 'right'],
  ['right', 'right', 'wrong'],
  ['wrong', 'wrong', 'skip'],
  ['right', 'skip', 'wrong'],
];

/** Embedded: files under DATA_DIR. Redis: the real local Redis, under a prefix of this run. */
const MODES: Array<[string, () => Promise<Record<string, string>>, (env: Record<string, string>) => Promise<void>]> = [
  ['embedded', async () => ({ DATA_DIR: await mkdtemp(path.join(tmpdir(), 'aulaquiz-history-')) }), async () => undefined],
  ['redis', async () => ({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: testPrefix() }), (env) => dropPrefix(env.REDIS_PREFIX!)],
];

describe.each(MODES)('history in %s mode', (_mode, storeEnv, cleanUp) => {
  let storage: Record<string, string>;
  let server: RunningApp;
  const rooms: Classroom[] = [];
  let completed: Classroom;
  let early: Classroom;
  let abandoned: Classroom;

  const env = () => ({ ...storage, HOST_ABSENCE_PAUSE_MS: '500', ABANDON_AFTER_MS: '1500' });
  const room = (req: ConstructorParameters<typeof Classroom>[1]) => {
    const r = new Classroom(server, req);
    rooms.push(r);
    return r;
  };

  beforeAll(async () => {
    storage = await storeEnv();
    server = await startApp(env());

    completed = await room({ questionCount: 4, seed: 11, types: ['single'] }).open(NAMES);
    await completed.play(PLAN);
    expect((await completed.finish()).endReason).toBe('completed');

    early = await room({ questionCount: 3, seed: 12, types: ['single'] }).open(NAMES);
    await early.play([['right', 'right', 'wrong']]);
    await early.host.ok('host:next');
    await early.host.ok('host:next');
    await early.phones[0]!.ok('player:answer', { questionIndex: 1, answer: early.round[1]!.correct[0] });
    await early.host.ok('host:end');
    expect((await early.host.next<GameOverView>('game:over')).endReason).toBe('ended-early');

    abandoned = await room({ questionCount: 2, seed: 13, types: ['single'] }).open(['Dani']);
    await abandoned.host.ok('host:start');
    await abandoned.phones[0]!.next('question:open');
    abandoned.host.close();
    expect((await abandoned.phones[0]!.next<GameOverView>('game:over', () => true, 0, 8000)).endReason).toBe('abandoned');
  }, 30_000);

  afterAll(async () => {
    rooms.forEach((r) => r.close());
    await server.close();
    await cleanUp(storage);
  });

  test('the list is newest first and paginates with a cursor', async () => {
    const all = await server.api<HistoryPage>('GET', '/api/history');
    expect(all.body.games.map((g) => g.gameId)).toEqual([abandoned.gameId, early.gameId, completed.gameId]);
    expect(all.body.games[2]).toMatchObject({
      deckId: 'tema1-virtualizacion',
      playerCount: 3,
      questionCount: 4,
      endReason: 'completed',
      winner: { nickname: 'Ana' },
    });
    expect(all.body.games[2]!.averageCorrectRate).toBeCloseTo((2 / 3 + 2 / 3 + 0 + 1 / 3) / 4);
    expect(all.body.nextCursor).toBeNull();

    const first = await server.api<HistoryPage>('GET', '/api/history?limit=2');
    expect(first.body.games).toHaveLength(2);
    const second = await server.api<HistoryPage>('GET', `/api/history?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.games.map((g) => g.gameId)).toEqual([completed.gameId]);
    expect(second.body.nextCursor).toBeNull();
    expect((await server.api<HistoryPage>('GET', '/api/history?deck=another-deck')).body.games).toEqual([]);
  });

  test('the record holds the leaderboard, every question and every answer given', async () => {
    const { body: record } = await server.api<HistoryRecord>('GET', `/api/history/${completed.gameId}`);
    // Beto and Carla are right once each: their order depends on how fast they were.
    expect(record.leaderboard.map((p) => [p.nickname, p.correctCount])).toEqual([['Ana', 3], expect.arrayContaining([1]), expect.arrayContaining([1])]);
    expect(record.leaderboard[0]!.rank).toBe(1);
    expect(record.leaderboard[0]!.bestStreak).toBe(2);
    for (const [i, moves] of PLAN.entries()) {
      const q = record.questions[i]!;
      expect(q.prompt).toBe(completed.round[i]!.prompt);
      expect(q.answers.map((a) => a.nickname).sort()).toEqual(NAMES.filter((_, p) => moves[p] !== 'skip').sort());
      for (const a of q.answers) expect(a.correct).toBe(moves[NAMES.indexOf(a.nickname)] === 'right');
      expect(q.distribution).toMatchObject({
        correct: moves.filter((m) => m === 'right').length,
        incorrect: moves.filter((m) => m === 'wrong').length,
        unanswered: moves.filter((m) => m === 'skip').length,
      });
      expect(q.medianResponseMs).toEqual(expect.any(Number));
    }
    const earlyRecord = (await server.api<HistoryRecord>('GET', `/api/history/${early.gameId}`)).body;
    expect(earlyRecord.endReason).toBe('ended-early');
    expect(earlyRecord.questions).toHaveLength(2);
    expect(earlyRecord.questions[1]!.answers.map((a) => [a.nickname, a.correct])).toEqual([['Ana', true]]);
    const abandonedRecord = (await server.api<HistoryRecord>('GET', `/api/history/${abandoned.gameId}`)).body;
    expect(abandonedRecord).toMatchObject({ endReason: 'abandoned', leaderboard: [{ nickname: 'Dani' }] });
  });

  test('the CSV parses back into the record, accents intact', async () => {
    const response = await fetch(`${server.url}/api/history/${completed.gameId}/export.csv`, {
      headers: { authorization: `Bearer e2e-teacher-key-0123456789` },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toContain(`aulaquiz-${completed.gameId}.csv`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(Buffer.from(bytes), { bom: true, columns: true });
    const { body: record } = await server.api<HistoryRecord>('GET', `/api/history/${completed.gameId}`);
    expect(rows).toHaveLength(NAMES.length * PLAN.length);
    for (const row of rows) {
      const q = record.questions[Number(row.question) - 1]!;
      const player = record.leaderboard.find((p) => p.nickname === row.player)!;
      const given = q.answers.find((a) => a.nickname === row.player);
      expect(row.prompt).toBe(q.prompt);
      expect(row.section).toBe(q.source.section);
      expect(row.deck).toBe('Tema 1. Fundamentos y Tecnologías de Virtualización');
      expect(Number(row.final_score)).toBe(player.score);
      expect(row.correct).toBe(given ? (given.correct ? 'yes' : 'no') : 'unanswered');
      expect(row.answer).toBe(given ? q.options[given.answer as number] : '');
      expect(Number(row.points)).toBe(given?.points ?? 0);
    }
  });

  test("the report's numbers follow from the answers given", async () => {
    const { body: report } = await server.api<HistoryReport>('GET', `/api/history/${completed.gameId}/report`);
    const rates = PLAN.map((moves) => moves.filter((m) => m === 'right').length / NAMES.length);
    expect(report.hardestQuestions[0]).toMatchObject({ index: 2, correctRate: 0 });
    expect(report.hardestQuestions.map((h) => h.correctRate)).toEqual([...rates].sort((a, b) => a - b));
    const bySection = new Map<string, { right: number; asked: number }>();
    PLAN.forEach((moves, i) => {
      const s = bySection.get(completed.round[i]!.source.section) ?? { right: 0, asked: 0 };
      s.right += moves.filter((m) => m === 'right').length;
      s.asked += NAMES.length;
      bySection.set(completed.round[i]!.source.section, s);
    });
    for (const stat of report.sections) {
      const expected = bySection.get(stat.section)!;
      expect(stat.correctRate).toBeCloseTo(expected.right / expected.asked);
    }
    expect(report.sectionsToReview).toEqual(
      report.sections
        .filter((s) => s.correctRate < 0.6)
        .sort((a, b) => a.correctRate - b.correctRate)
        .map((s) => s.section),
    );
    // Wrong players all picked the option after the right one: that is the misconception.
    const q2 = completed.round[2]!;
    expect(report.misconceptions.find((m) => m.index === 2)).toMatchObject({
      answer: q2.options[(q2.correct[0]! + 1) % q2.options.length],
      count: 2,
    });
  });

  test('correct rate per section across the games of a deck', async () => {
    const { body } = await server.api<DeckSections>('GET', '/api/history/sections?deck=tema1-virtualizacion');
    expect(body.games).toBe(3);
    const all = [completed, early, abandoned];
    for (const s of body.sections) {
      expect(s.trend.map((t) => t.gameId).every((id) => all.some((r) => r.gameId === id))).toBe(true);
      expect(s.correctRate).toBeGreaterThanOrEqual(0);
    }
    expect(body.sections.reduce((n, s) => n + s.questions, 0)).toBe(4 + 2 + 1);
  });

  test('bad requests get clear errors; nothing without the teacher key', async () => {
    for (const url of [
      '/api/history',
      `/api/history/${completed.gameId}`,
      `/api/history/${completed.gameId}/export.csv`,
      `/api/history/${completed.gameId}/report`,
      '/api/history/sections?deck=tema1-virtualizacion',
    ]) {
      expect((await server.api('GET', url, undefined, null)).status).toBe(401);
    }
    expect((await server.api('DELETE', `/api/history/${completed.gameId}`, undefined, null)).status).toBe(401);
    const cases: Array<[string, number, string]> = [
      ['/api/history?limit=0', 400, 'INVALID_PAYLOAD'],
      ['/api/history?limit=abc', 400, 'INVALID_PAYLOAD'],
      ['/api/history?cursor=bm90LWpzb24', 400, 'INVALID_PAYLOAD'],
      ['/api/history?extra=1', 400, 'INVALID_PAYLOAD'],
      ['/api/history/sections', 400, 'INVALID_PAYLOAD'],
      ['/api/history/no.such.game', 400, 'INVALID_PAYLOAD'],
      ['/api/history/unknowngame1', 404, 'GAME_NOT_FOUND'],
      ['/api/history/unknowngame1/report', 404, 'GAME_NOT_FOUND'],
    ];
    for (const [url, status, code] of cases) {
      const reply = await server.api<{ error: { code: string } }>('GET', url);
      expect([url, reply.status, reply.body.error.code]).toEqual([url, status, code]);
    }
  });

  test('a deleted game is gone; the rest survives a restart of the server', async () => {
    expect((await server.api('DELETE', `/api/history/${early.gameId}`)).status).toBe(204);
    expect((await server.api('GET', `/api/history/${early.gameId}`)).status).toBe(404);
    expect((await server.api('DELETE', `/api/history/${early.gameId}`)).status).toBe(404);
    const before = (await server.api<HistoryRecord>('GET', `/api/history/${completed.gameId}`)).body;
    await server.close();
    server = await startApp(env());
    const list = await server.api<HistoryPage>('GET', '/api/history');
    expect(list.body.games.map((g) => g.gameId)).toEqual([abandoned.gameId, completed.gameId]);
    expect((await server.api<HistoryRecord>('GET', `/api/history/${completed.gameId}`)).body).toEqual(before);
  });

  test('the OpenAPI document lists every endpoint with its schemas', async () => {
    const { body } = await server.api<{ paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>(
      'GET',
      '/api/docs/openapi.json',
      undefined,
      null,
    );
    expect(Object.keys(body.paths).sort()).toEqual([
      '/api/bank/{deckId}',
      '/api/bank/{deckId}/deck',
      '/api/bank/{deckId}/export.gift',
      '/api/bank/{deckId}/export.xml',
      '/api/bank/{deckId}/import',
      '/api/bank/{deckId}/questions',
      '/api/bank/{deckId}/questions/{questionId}',
      '/api/bank/{deckId}/questions/{questionId}/excluded',
      '/api/bank/{deckId}/questions/{questionId}/reset',
      '/api/bank/{deckId}/stats',
      '/api/decks',
      '/api/games',
      '/api/history',
      '/api/history/sections',
      '/api/history/{gameId}',
      '/api/history/{gameId}/export.csv',
      '/api/history/{gameId}/export.xlsx',
      '/api/history/{gameId}/players/{playerId}',
      '/api/history/{gameId}/report',
      '/api/review-games',
      '/health',
      '/health/live',
      '/health/ready',
    ]);
    expect(Object.keys(body.paths['/api/history/{gameId}']!).sort()).toEqual(['delete', 'get']);
    for (const schema of ['HistoryPageDto', 'HistoryRecordDto', 'HistoryReportDto', 'DeckSectionsDto', 'CreateGameDto', 'CreatedGameDto', 'CreateDeckDto']) {
      expect(body.components.schemas).toHaveProperty(schema);
    }
  });
});
