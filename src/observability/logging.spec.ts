import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from '@jest/globals';
import { pinoHttp } from 'pino-http';
import { validateConfig, type AppConfig } from '../config/app-config.js';
import { httpLoggingOptions, loggingParams, type HttpLogging } from './logging.js';

interface Line {
  level: number;
  msg: string;
  req: { id: string; headers: Record<string, string> };
  res: { statusCode: number };
}

/** pino-http with the app's options over a real HTTP server, its lines captured as they are written. */
async function serve(logLevel: AppConfig['LOG_LEVEL'], status = 200): Promise<{ server: Server; url: string; lines: Line[]; nextLine(): Promise<Line> }> {
  const lines: Line[] = [];
  let waiting: ((line: Line) => void) | undefined;
  const stream = {
    write(chunk: string) {
      const line = JSON.parse(chunk) as Line;
      lines.push(line);
      waiting?.(line);
    },
  };
  const log = pinoHttp(httpLoggingOptions(validateConfig({ LOG_LEVEL: logLevel }), false), stream);
  const server = createServer((req, res) =>
    log(req, res, () => {
      res.statusCode = status;
      res.end('{}');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/decks`;
  const nextLine = () => new Promise<Line>((resolve) => (waiting = resolve));
  return { server, url, lines, nextLine };
}

describe('HTTP request logging', () => {
  let server: Server | undefined;
  afterEach(async () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  test('keeps a sane X-Request-Id, replaces any other with a UUID, echoes it and logs it as req.id at debug', async () => {
    const s = await serve('debug');
    server = s.server;
    const logged = s.nextLine();
    const kept = await fetch(s.url, { headers: { 'x-request-id': 'proxy-1:a.b_c' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-1:a.b_c');
    expect(await logged).toMatchObject({ level: 20, msg: 'request completed', req: { id: 'proxy-1:a.b_c' }, res: { statusCode: 200 } });
    for (const insane of ['x'.repeat(65), 'a b', '"}{"level":60']) {
      const replaced = await fetch(s.url, { headers: { 'x-request-id': insane } });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  test('never logs the teacher key or cookies', async () => {
    const s = await serve('debug');
    server = s.server;
    const logged = s.nextLine();
    await fetch(s.url, { headers: { authorization: 'Bearer secret-key', 'x-teacher-key': 'secret-key', cookie: 'k=secret-key' } });
    const line = await logged;
    expect(JSON.stringify(line)).not.toContain('secret-key');
    expect(line.req.headers).toMatchObject({ authorization: '[Redacted]', 'x-teacher-key': '[Redacted]', cookie: '[Redacted]' });
  });

  test('request lines stay out of the log above LOG_LEVEL=debug, server errors do not; 503 is not an error', async () => {
    const quiet = await serve('log');
    server = quiet.server;
    await fetch(quiet.url);
    await new Promise<void>((resolve) => quiet.server.close(() => resolve()));
    expect(quiet.lines).toEqual([]);

    const failing = await serve('error', 500);
    server = failing.server;
    const logged = failing.nextLine();
    await fetch(failing.url);
    expect(await logged).toMatchObject({ level: 50, res: { statusCode: 500 } });
    await new Promise<void>((resolve) => failing.server.close(() => resolve()));

    const busy = await serve('warn', 503);
    server = busy.server;
    await fetch(busy.url);
    await new Promise<void>((resolve) => busy.server.close(() => resolve()));
    expect(busy.lines).toEqual([]);
    server = undefined;
  });

  test('pretty single lines on a terminal, JSON otherwise', () => {
    const config = validateConfig({});
    expect(httpLoggingOptions(config, true).transport).toMatchObject({ target: 'pino-pretty', options: { singleLine: true } });
    expect(httpLoggingOptions(config, false).transport).toBeUndefined();
    expect(httpLoggingOptions(validateConfig({ LOG_LEVEL: 'log' }), false).level).toBe('info');
  });

  test('nestjs-pino (Nest’s Logger) writes through the request logger’s pino and mounts no request middleware of its own', () => {
    const http = { middleware: pinoHttp(httpLoggingOptions(validateConfig({}), false)) } as HttpLogging;
    const params = loggingParams(http);
    // nestjs-pino's own middleware enters AsyncLocalStorage per request: it must be on no route.
    expect(params.forRoutes).toEqual([]);
    expect(params.pinoHttp).toEqual({ logger: http.middleware.logger });
  });
});
