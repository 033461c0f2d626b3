import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { HostSnapshot, LobbyUpdateView } from '../src/game/engine/index.js';
import type { JoinResult } from '../src/protocol/index.js';
import { startApp, TEST_TEACHER_KEY, type RunningApp } from './support/e2e-app.js';
import { ClientPool } from './support/quiz-client.js';
import { ifStarted } from './support/teardown.js';

/**
 * What a hostile student, a hostile page or a careless client can still try
 * against the REST routes and socket events; each case names the promise of
 * docs/protocol.md it checks.
 */
const DECK = 'tema1-virtualizacion';
const SECTION = '7. Tipos de Hypervisor';
type ErrorBody = { error: { code: string; message: string } };

let server: RunningApp;
let dataDir: string;
const pool = new ClientPool();
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-attacks-'));
  server = await startApp({ DATA_DIR: dataDir });
});
afterAll(async () => {
  pool.closeAll();
  await ifStarted(server)?.close();
});

async function post(route: string, body: string, key: string | null = TEST_TEACHER_KEY): Promise<{ status: number; body: ErrorBody }> {
  const response = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as ErrorBody };
}

describe('a phone that joins again on the same connection', () => {
  test('gives up its old player but is not banned as if the teacher had removed it', async () => {
    const created = await server.api<{ pin: string; hostToken: string }>('POST', '/api/games', { deckId: DECK, questionCount: 2, seed: 1 });
    expect(created.status).toBe(201);
    const { pin, hostToken } = created.body;
    const host = await pool.connect(server.url);
    await host.ok('host:attach', { hostToken });
    const [ana, beto] = await Promise.all([pool.connect(server.url), pool.connect(server.url)]);
    const deviceId = 'ana-phone-0123456789';
    const first = await ana.ok<JoinResult>('player:join', { pin, nickname: 'Ana', deviceId });
    await beto.ok('player:join', { pin, nickname: 'Beto', deviceId: 'beto-phone-0123456789' });
    await host.ok('host:start');
    // Ana's join ack was lost (or she pressed "leave"): her page joins again on the same socket.
    const again = await ana.call<JoinResult>('player:join', { pin, nickname: 'Ana', deviceId });
    expect(again.ok ? 'joined' : again.error.code).toBe('joined');
    // The player she gave up is gone as documented: its token answers KICKED.
    const other = await pool.connect(server.url);
    const stale = await other.call('player:resume', { playerToken: first.playerToken });
    expect(stale.ok ? 'resumed' : stale.error.code).toBe('KICKED');
  });

  test('a device the teacher removed stays out', async () => {
    const created = await server.api<{ pin: string; hostToken: string }>('POST', '/api/games', { deckId: DECK, questionCount: 2, seed: 2 });
    const { pin, hostToken } = created.body;
    const host = await pool.connect(server.url);
    await host.ok('host:attach', { hostToken });
    const phone = await pool.connect(server.url);
    const deviceId = 'removed-phone-0123456789';
    const joined = await phone.ok<JoinResult>('player:join', { pin, nickname: 'Carla', deviceId });
    await host.ok('host:kick', { playerId: joined.playerId });
    const back = await pool.connect(server.url);
    const refused = await back.call('player:join', { pin, nickname: 'Carla2', deviceId });
    expect(refused.ok ? 'joined' : refused.error.code).toBe('KICKED');
  });

  test('joins sent all at once on one connection leave one player, gone when it closes', async () => {
    const created = await server.api<{ pin: string; hostToken: string }>('POST', '/api/games', { deckId: DECK, questionCount: 2, seed: 3 });
    const { pin, hostToken } = created.body;
    const host = await pool.connect(server.url);
    await host.ok('host:attach', { hostToken });
    const phone = await pool.connect(server.url);
    const replies = await Promise.all(['Dana 1', 'Dana 2', 'Dana 3', 'Dana 4'].map((nickname) => phone.call<JoinResult>('player:join', { pin, nickname })));
    expect(replies.map((r) => r.ok)).toEqual([true, true, true, true]);
    // Each join gave up the one before it, as joining again one at a time does: only the last is in the game.
    const lobby = (await host.ok<HostSnapshot>('host:attach', { hostToken })).lobby;
    expect(lobby.players.map((p) => [p.nickname, p.connected])).toEqual([['Dana 4', true]]);
    const left = host.next<LobbyUpdateView>('lobby:update', (u) => u.changed.some((p) => p.nickname === 'Dana 4' && !p.connected), host.mark());
    phone.close();
    await left;
    const after = (await host.ok<HostSnapshot>('host:attach', { hostToken })).lobby;
    expect(after.players.map((p) => [p.nickname, p.connected])).toEqual([['Dana 4', false]]);
  });

  test('a phone that closes while its join is under way is not left in the game as connected', async () => {
    const created = await server.api<{ pin: string; hostToken: string }>('POST', '/api/games', { deckId: DECK, questionCount: 2, seed: 4 });
    const { pin, hostToken } = created.body;
    const host = await pool.connect(server.url);
    await host.ok('host:attach', { hostToken });
    for (let i = 0; i < 6; i++) {
      const phone = await pool.connect(server.url);
      const acked = phone.call('player:join', { pin, nickname: `Eva ${i}` }).catch(() => null);
      // The join reaches the server; the phone is gone before its ack comes back.
      await new Promise((resolve) => setTimeout(resolve, i));
      phone.close();
      await acked;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lobby = (await host.ok<HostSnapshot>('host:attach', { hostToken })).lobby;
    expect(lobby.players.filter((p) => p.connected)).toEqual([]);
  });
});

describe('host:kick-many', () => {
  test('null for either selection is a payload of the wrong type, not "remove nobody"', async () => {
    const created = await server.api<{ pin: string; hostToken: string }>('POST', '/api/games', { deckId: DECK, questionCount: 2, seed: 3 });
    const host = await pool.connect(server.url);
    await host.ok('host:attach', { hostToken: created.body.hostToken });
    for (const payload of [
      { joinedWithinSec: null },
      { playerIds: null },
      { playerIds: null, joinedWithinSec: 60 },
      { playerIds: ['abcdefghijkl'], joinedWithinSec: null },
    ]) {
      const reply = await host.call('host:kick-many', payload);
      expect([payload, reply.ok ? 'ok' : reply.error.code]).toEqual([payload, 'INVALID_PAYLOAD']);
    }
    expect((await host.call('host:kick-many', { joinedWithinSec: 60 })).ok).toBe(true);
  });
});

describe('Moodle XML import of a hostile file', () => {
  test('tags nested deeper than the parser allows refuse the file with IMPORT_INVALID, not a 500', async () => {
    const depth = 20_000;
    const text = `<quiz><question type="shortanswer"><questiontext>${'<text>'.repeat(depth)}x${'</text>'.repeat(depth)}</questiontext></question></quiz>`;
    const reply = await post(`/api/bank/${DECK}/import`, JSON.stringify({ format: 'moodle-xml', text, section: SECTION }));
    expect([reply.status, reply.body.error.code]).toEqual([422, 'IMPORT_INVALID']);
  });

  test('external and parameter entities, and a second DOCTYPE, are malformed files too', async () => {
    const question = `<question type="shortanswer"><questiontext><text>&x;</text></questiontext><answer fraction="100"><text>x</text></answer></question>`;
    const files = [
      `<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]><quiz>${question}</quiz>`,
      `<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY % x "y">]><quiz>${question}</quiz>`,
      `<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x "y">]><!DOCTYPE quiz [<!ENTITY x "z">]><quiz>${question}</quiz>`,
    ];
    for (const text of files) {
      const reply = await post(`/api/bank/${DECK}/import`, JSON.stringify({ format: 'moodle-xml', text, section: SECTION }));
      expect([text.slice(22, 60), reply.status, reply.body.error.code]).toEqual([text.slice(22, 60), 422, 'IMPORT_INVALID']);
    }
  });
});

describe('request bodies', () => {
  // A body of deeply nested arrays costs JSON.parse about 250 ms per megabyte, on the event loop every game shares.
  const nested = (bytes: number) => '['.repeat(bytes / 2) + ']'.repeat(bytes / 2);

  test('a body larger than 16 KB is not read before the teacher key is checked', async () => {
    // Not JSON at all: a body the server reads is refused 400 by the parser, one it does not read 401 by the key check.
    const junk = `{${'x'.repeat(1_000_000)}`;
    for (const route of ['/api/games', '/api/decks', `/api/bank/${DECK}/questions`, `/api/bank/${DECK}/import`, '/api/review-games', '/nope']) {
      for (const key of [null, 'not-the-teacher-key']) {
        const reply = await post(route, junk, key);
        expect([route, key, reply.status, reply.body.error.code]).toEqual([route, key, 401, 'UNAUTHORIZED']);
      }
    }
    // A small body without the key reaches the route as before, and the right key reads up to 2 MB.
    expect((await post('/nope', '{"a":1}', null)).status).toBe(404);
    const parsed = await post('/api/games', junk);
    expect([parsed.status, parsed.body.error.code]).toEqual([400, 'INVALID_PAYLOAD']);
    const deep = await post('/api/games', nested(1_000_000));
    expect([deep.status, deep.body.error.code]).toEqual([400, 'INVALID_PAYLOAD']);
  });

  test('a Moodle import of more than 100 KB still fits', async () => {
    const questions = Array.from(
      { length: 700 },
      (_, i) =>
        `::q${i}:: ¿Qué componente reparte el hardware en la prueba número ${i} de esta importación grande?{=el hipervisor ~el compilador ~el cortafuegos}`,
    );
    const text = `$CATEGORY: $course$/top/x/${SECTION}\n\n${questions.join('\n\n')}`;
    const body = JSON.stringify({ format: 'gift', text });
    expect(body.length).toBeGreaterThan(100_000);
    const reply = await post(`/api/bank/${DECK}/import`, body);
    expect(reply.status).toBe(201);
  });
});

describe('the bank on a disk that fails (embedded)', () => {
  test('an import or an edit that cannot be written answers TRY_AGAIN and changes nothing, not even in memory', async () => {
    const prompts = [
      '¿Qué reparte el hardware físico entre máquinas virtuales en el disco roto?',
      '¿Qué tipo de hipervisor corre sobre el hardware en el disco roto?',
    ];
    const text = `$CATEGORY: $course$/top/x/${SECTION}\n\n::a:: ${prompts[0]}{=el hipervisor ~el compilador ~el cortafuegos}\n\n::b:: ${prompts[1]}{=el tipo I ~el tipo II}`;
    const bank = await server.api<{ questions: Array<{ id: string; prompt: string; excluded: boolean }> }>('GET', `/api/bank/${DECK}`);
    const victim = bank.body.questions.find((q) => !q.excluded)!;
    // Root ignores file modes: a file where the overlay directory was makes every write fail (ENOTDIR).
    const overlayDir = path.join(dataDir, 'bank');
    await rm(overlayDir, { recursive: true, force: true });
    await writeFile(overlayDir, 'not a directory');
    try {
      const imported = await post(`/api/bank/${DECK}/import`, JSON.stringify({ format: 'gift', text }));
      expect([imported.status, imported.body.error.code]).toEqual([503, 'TRY_AGAIN']);
      const excluded = await server.api<ErrorBody>('PUT', `/api/bank/${DECK}/questions/${victim.id}/excluded`, { excluded: true });
      expect([excluded.status, excluded.body.error.code]).toEqual([503, 'TRY_AGAIN']);
    } finally {
      await rm(overlayDir, { force: true });
      await mkdir(overlayDir);
    }
    const after = await server.api<{ questions: Array<{ id: string; prompt: string; excluded: boolean }> }>('GET', `/api/bank/${DECK}`);
    expect(after.body.questions.filter((q) => prompts.includes(q.prompt))).toEqual([]);
    expect(after.body.questions.find((q) => q.id === victim.id)?.excluded).toBe(false);
    // Once the disk is back, the same import is stored whole.
    const again = await post(`/api/bank/${DECK}/import`, JSON.stringify({ format: 'gift', text }));
    expect(again.status).toBe(201);
  });
});

describe('a huge Moodle import', () => {
  test('is parsed off the event loop: a phone is answered while the file is still being read', async () => {
    // About a million characters of one question with 330,000 choices: the GIFT grammar needs seconds for it.
    const text = `::q:: ¿Hola? {${'~a '.repeat(330_000)}}`;
    const phone = await pool.connect(server.url);
    let importDone = false;
    const imported = post(`/api/bank/${DECK}/import`, JSON.stringify({ format: 'gift', text, section: SECTION })).then((reply) => {
      importDone = true;
      return reply;
    });
    // Once the request is being read the server is busy with it; on the event loop, no ack could come back before it ends.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answeredDuringImport: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      expect((await phone.call('clock:sync')).ok).toBe(true);
      answeredDuringImport.push(!importDone);
    }
    const reply = await imported;
    expect(answeredDuringImport).toContain(true);
    expect([reply.status, reply.body.error.code]).toEqual([422, 'IMPORT_INVALID']);
    // Refused in the worker: the 330,000 answers are never copied back to the event loop.
    expect(reply.body.error.message).toMatch(/item 1 of the file has 330000 answers; at most 100 are read/);
  });

  test('of thousands of skipped questions answers with a short message', async () => {
    const text = `<quiz>${'<question type="essay"><name><text>e</text></name><questiontext><text>x</text></questiontext></question>\n'.repeat(9000)}</quiz>`;
    const reply = await post(`/api/bank/${DECK}/import`, JSON.stringify({ format: 'moodle-xml', text }));
    expect([reply.status, reply.body.error.code]).toEqual([422, 'IMPORT_INVALID']);
    expect(reply.body.error.message).toMatch(/and 8995 more$/);
    expect(reply.body.error.message.length).toBeLessThan(2000);
  });
});
