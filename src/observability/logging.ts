import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';

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
export function loggingParams(config: AppConfig, pretty = process.stdout.isTTY): Params {
  return {
    pinoHttp: {
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
    },
  };
}
