import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, Module } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';
import { AppConfig } from '../config/app-config.js';

const PINO_LEVELS: Record<AppConfig['LOG_LEVEL'], string> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };
/** A client-supplied request id is kept only if it looks like one (no log injection through it). */
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * Structured logs (pino): JSON lines with a correlation id per HTTP request
 * (`X-Request-Id` when the proxy sends a sane one, else a fresh UUID, echoed
 * in the response), pretty single lines when a person watches the terminal.
 * Request lines are logged at `debug` (LOG_LEVEL=debug), so a classroom
 * terminal shows only the start banner and problems.
 */
export function httpLoggingOptions(config: AppConfig, pretty = process.stdout.isTTY): Options {
  return {
    level: PINO_LEVELS[config.LOG_LEVEL],
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // 503 is the documented, retryable TRY_AGAIN (and readiness while not ready): no alarm for it.
    customLogLevel: (_req, res, err) => (res.statusCode === 503 ? 'debug' : err || res.statusCode >= 500 ? 'error' : 'debug'),
    // Never the teacher key: it travels in these headers.
    redact: ['req.headers.authorization', 'req.headers["x-teacher-key"]', 'req.headers.cookie'],
    transport: pretty ? { target: 'pino-pretty', options: { singleLine: true, colorize: true, ignore: 'pid,hostname' } } : undefined,
  };
}

/**
 * The app's one pino logger, and pino-http over it as plain Express middleware
 * (mounted first in `configureApp`, so every response carries its id).
 *
 * Plain middleware rather than nestjs-pino's: nestjs-pino wraps each request
 * in `AsyncLocalStorage.run()` to give log lines written inside a handler the
 * request's context, and on Node 20 the first `run()` turns on promise hooks
 * for the rest of the process. Every promise the game and socket.io create
 * afterwards would pay for them. So request lines carry `req.id` (pino-http
 * binds it on `req.log` and on its own response line), while lines written
 * through Nest's `Logger` during a request do not.
 */
@Injectable()
export class HttpLogging {
  readonly middleware: HttpLogger;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.middleware = pinoHttp(httpLoggingOptions(config));
  }
}

@Module({ providers: [HttpLogging], exports: [HttpLogging] })
export class HttpLoggingModule {}

/**
 * nestjs-pino for Nest's `Logger` (bootstrap lines, services, filters), on the
 * same pino logger as the request lines: one destination, one transport.
 * `forRoutes: []` keeps nestjs-pino's own request middleware (the one that
 * enters AsyncLocalStorage) off every route.
 */
export function loggingParams(http: HttpLogging): Params {
  return { pinoHttp: { logger: http.middleware.logger }, forRoutes: [] };
}
