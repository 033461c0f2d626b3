import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from '@jest/globals';
import type { JoinResult } from '../src/protocol/index.js';
import { freePort, startBuiltServer, type BuiltServer } from './support/built-server.js';
import { QuizClient } from './support/quiz-client.js';
import { appForTests, TEST_TEACHER_KEY } from './support/e2e-app.js';

describe('operations: health, metrics and request ids', () => {
  const ctx = appForTests();

  test('liveness and readiness answer with what they checked', async () => {
    const live = await fetch(`${ctx.server.url}/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${ctx.server.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { serving: { status: 'up' }, store: { status: 'up', kind: 'journal' }, disk: { status: 'up' }, history: { status: 'up', backlog: 0 } },
    });
    expect(await (await fetch(`${ctx.server.url}/health`)).json()).toEqual({ status: 'ok' });
  });

  test('metrics need the teacher key and count sockets, acks by event, answers and the event loop', async () => {
    expect((await fetch(`${ctx.server.url}/metrics`)).status).toBe(401);
    const { body } = await ctx.server.api<{ pin: string; hostToken: string }>('POST', '/api/games', { deckId: 'tema1-virtualizacion', questionCount: 1 });
    const phone = await ctx.connect();
    await phone.ok<JoinResult>('player:join', { pin: body.pin, nickname: 'Ana' });
    const stranger = await ctx.connect();
    await stranger.call('player:answer', { questionIndex: 0, answer: 0 });
    const scraped = await fetch(`${ctx.server.url}/metrics`, { headers: { authorization: `Bearer ${TEST_TEACHER_KEY}` } });
    expect(scraped.status).toBe(200);
    const text = await scraped.text();
    expect(text).toMatch(/^aulaquiz_connected_sockets [1-9]/m);
    expect(text).toMatch(/^aulaquiz_ack_seconds_count\{event="player:join"\} 1$/m);
    expect(text).toMatch(/^aulaquiz_ack_seconds_count\{event="player:answer"\} 1$/m);
    expect(text).toMatch(/^aulaquiz_refusals_total\{code="NOT_PLAYER"\} 1$/m);
    expect(text).toMatch(/^aulaquiz_game_players\{game="[^"]+"\} 1$/m);
    expect(text).toMatch(/^aulaquiz_history_backlog 0$/m);
    expect(text).toMatch(/^aulaquiz_store_up 1$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  test('every HTTP response carries a request id: the proxy’s when it is sane, else a new one', async () => {
    const kept = await fetch(`${ctx.server.url}/api/decks`, { headers: { 'x-request-id': 'proxy-42' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-42');
    const replaced = await fetch(`${ctx.server.url}/api/decks`, { headers: { 'x-request-id': 'x'.repeat(500) } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // Refusals by the middleware in front of the routes too.
    const refused = await fetch(`${ctx.server.url}/api/decks`, { headers: { origin: 'http://evil.example', 'x-request-id': 'proxy-43' } });
    expect([refused.status, refused.headers.get('x-request-id')]).toEqual([403, 'proxy-43']);
  });
});

describe('operations of the built server', () => {
  let server: BuiltServer | undefined;
  afterAll(async () => server?.stop());

  test('logs are JSON lines when not on a terminal, the start banner is unchanged, and METRICS_PORT serves metrics without the key', async () => {
    const metricsPort = await freePort();
    // The probe reports, after each HTTP response, whether promises now pay Node's promise hooks.
    const probe = pathToFileURL(path.resolve('test/support/promise-hooks-probe.mjs')).href;
    server = await startBuiltServer({ LOG_LEVEL: 'debug', METRICS_PORT: String(metricsPort), NODE_OPTIONS: `--import ${probe}` });
    // pino writes asynchronously: its start-up lines may follow the banner.
    for (let i = 0; i < 100 && !/"msg":"Deck /.test(server.output()); i++) await new Promise((r) => setTimeout(r, 50));
    const output = server.output();
    expect(output).toContain(`aulaquiz is running at ${server.url}\nHost a game (teacher): ${server.url}/host#key=`);
    const logLines = output.split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.map((line) => JSON.parse(line) as { level: number; msg: string }).some((l) => l.level === 30 && /Deck "/.test(l.msg))).toBe(true);

    // Correlation ids: the socket's id on its event lines, the request id on request lines.
    const phone = await QuizClient.connect(server.url);
    const socketId = phone.socket.id;
    await phone.call('player:join', { pin: '999999', nickname: 'Ana' });
    await fetch(`${server.url}/api/decks`, { headers: { 'x-request-id': 'proxy-7' } });
    const logged = () =>
      server!
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; socketId?: string; req?: { id?: string } });
    const socketLine = () => logged().find((l) => l.msg === 'event' && l.socketId === socketId);
    for (let i = 0; i < 100 && !(socketLine() && logged().some((l) => l.req?.id === 'proxy-7')); i++) await new Promise((r) => setTimeout(r, 50));
    phone.close();
    expect(socketLine()).toMatchObject({ event: 'player:join', ok: false, code: 'GAME_NOT_FOUND' });
    expect(logged().find((l) => l.req?.id === 'proxy-7')).toMatchObject({ req: { method: 'GET', url: '/api/decks' }, res: { statusCode: 200 } });

    // Request ids cost the game nothing: after HTTP requests and socket events, promises created
    // anywhere in the process run without async hooks (AsyncLocalStorage would turn them on for good).
    await fetch(`${server.url}/api/decks?probe=1`);
    const probed = () => /^promise-hooks:(true|false) \/api\/decks\?probe=1$/m.exec(server!.output())?.[1];
    for (let i = 0; i < 100 && probed() === undefined; i++) await new Promise((r) => setTimeout(r, 50));
    expect(probed()).toBe('false');

    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^aulaquiz_connected_sockets \d+$/m);
  });
});
