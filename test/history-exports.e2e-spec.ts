import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { HistoryRecord } from '../src/history/history-record.js';
import type { StudentReport } from '../src/history/student-report.js';
import { Classroom, type Move } from './support/classroom.js';
import { startApp, type RunningApp } from './support/e2e-app.js';
import { ifStarted } from './support/teardown.js';

const KEY = { authorization: 'Bearer e2e-teacher-key-0123456789' };
const NAMES = ['Ana', 'Beto', 'Carla'];
const PLAN: Move[][] = [
  ['right', 'wrong', 'right'],
  ['right', 'right', 'wrong'],
  ['wrong', 'wrong', 'skip'],
];

describe('history exports and the per-student page', () => {
  let server: RunningApp;
  let room: Classroom;
  let record: HistoryRecord;

  beforeAll(async () => {
    server = await startApp({ DATA_DIR: await mkdtemp(path.join(tmpdir(), 'aulaquiz-exports-')) });
    room = await new Classroom(server, { questionCount: 3, seed: 21, types: ['single'] }).open(NAMES);
    await room.play(PLAN);
    await room.finish();
    record = (await server.api<HistoryRecord>('GET', `/api/history/${room.gameId}`)).body;
  }, 30_000);

  afterAll(async () => {
    ifStarted(room)?.close();
    await ifStarted(server)?.close();
  });

  test('CSV for Spanish Excel: ";" between columns, Spanish headers and verdicts', async () => {
    const response = await fetch(`${server.url}/api/history/${room.gameId}/export.csv?sep=semicolon&lang=es`, { headers: KEY });
    const rows = parse<Record<string, string>>(Buffer.from(await response.arrayBuffer()), { bom: true, columns: true, delimiter: ';' });
    expect(rows).toHaveLength(NAMES.length * PLAN.length);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['jugador', 'puesto_final', 'pregunta', 'respuesta', 'correcta', 'tiempo_ms']));
    const verdicts = new Set(rows.map((r) => r.correcta));
    expect([...verdicts].sort()).toEqual(['no', 'sin respuesta', 'sí']);
    const carla = rows.filter((r) => r.jugador === 'Carla').map((r) => r.correcta);
    expect(carla).toEqual(['sí', 'no', 'sin respuesta']);
  });

  test('a bad export option is refused', async () => {
    const response = await fetch(`${server.url}/api/history/${room.gameId}/export.csv?sep=tab`, { headers: KEY });
    expect(response.status).toBe(400);
  });

  test('XLSX: a workbook with the same rows, Spanish headers when asked', async () => {
    const response = await fetch(`${server.url}/api/history/${room.gameId}/export.xlsx?lang=es`, { headers: KEY });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const text = Object.entries(files)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    for (const expected of ['jugador', 'tiempo_ms', 'Ana', 'Beto', 'Carla', record.questions[0]!.prompt.replace(/&/g, '&amp;').slice(0, 20)]) {
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    }
  });

  test("a student's page: every answer with its points and time, and the sections to review", async () => {
    const carla = record.leaderboard.find((p) => p.nickname === 'Carla')!;
    const { status, body } = await server.api<StudentReport>('GET', `/api/history/${room.gameId}/players/${carla.playerId}`);
    expect(status).toBe(200);
    expect(body.player).toMatchObject({ nickname: 'Carla', score: carla.score, rank: carla.rank });
    expect(body.questions.map((q) => q.correct)).toEqual([true, false, false]);
    expect(body.questions[2]).toMatchObject({ answer: null, points: 0, responseMs: null });
    const given = record.questions[0]!.answers.find((a) => a.playerId === carla.playerId)!;
    expect(body.questions[0]).toMatchObject({
      points: given.points,
      responseMs: given.responseMs,
      answer: record.questions[0]!.options[given.answer as number],
    });
    const weak = body.sections.filter((s) => s.correctRate < 0.6).map((s) => s.section);
    expect([...body.sectionsToReview].sort()).toEqual(weak.sort());
  });

  test('an unknown or hostile player id is a clean 404 or 400', async () => {
    for (const id of ['nobody', '__proto__', 'constructor']) {
      const { status, body } = await server.api<{ error: { code: string } }>('GET', `/api/history/${room.gameId}/players/${id}`);
      expect([id, status, body.error.code]).toEqual([id, 404, 'PLAYER_NOT_FOUND']);
    }
    const bad = await server.api<{ error: { code: string } }>('GET', `/api/history/${room.gameId}/players/a%20b`);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_PAYLOAD']);
  });
});
