import 'reflect-metadata';
import { UnauthorizedException, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { TeacherKeyGuard } from './auth/teacher-key.guard.js';
import { HttpErrorFilter } from './common/http-error.filter.js';
import { RateLimited } from './common/limits/rate-limited.js';
import { ERRORS } from './protocol/errors.js';
import { OriginPolicy } from './common/origins/origin-policy.js';
import { AppConfig } from './config/app-config.js';
import { RedisConnection } from './redis/redis-connection.js';
import { RedisIoAdapter } from './redis/redis-io.adapter.js';
import { GameIoAdapter } from './game/game-io.adapter.js';
import { HttpLogging } from './observability/logging.js';

/**
 * App-wide setup in one place, so the server and the e2e tests run the same app.
 * Validation pipes are set per controller and per gateway: a global pipe would
 * also run on socket events and answer them with HTTP errors.
 */
/**
 * No inline scripts, nothing from other origins. Classrooms serve over plain
 * HTTP on the LAN, so neither HSTS nor upgrade-insecure-requests (both would
 * break the page there). Inline styles stay allowed for the API docs page.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
});

/** Every HTTP request passes the Origin and Host allowlist first (sockets check it in their handshake). */
function originCheck(policy: OriginPolicy) {
  return (req: Request, res: Response, next: NextFunction) => {
    const problem = policy.problem(req.headers);
    if (!problem) {
      next();
      return;
    }
    policy.refused(problem);
    res.status(403).json({ error: { code: 'ORIGIN_NOT_ALLOWED', message: problem } });
  };
}

/** JSON bodies up to 2 MB: a whole bank as Moodle XML (about 200 KB per 160 questions) must fit an import. */
export const JSON_BODY_LIMIT = '2mb';

/**
 * Bodies larger than this are read only after the teacher key is checked.
 * Every route that takes a body is the teacher's, and JSON.parse runs on the
 * event loop every game shares (a megabyte of nested brackets costs it about
 * a quarter of a second): without this, anyone could send 2 MB bodies to any
 * path and freeze every class.
 */
export const KEYLESS_BODY_LIMIT_BYTES = 16 * 1024;

function largeBodiesNeedTheKey(guard: TeacherKeyGuard) {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (!chunked && (declared === undefined || Number(declared) <= KEYLESS_BODY_LIMIT_BYTES)) {
      next();
      return;
    }
    guard.check(req).then(
      () => next(),
      (err: unknown) => {
        // Answered without reading the body: the connection is not reused.
        res.setHeader('Connection', 'close');
        if (err instanceof RateLimited) {
          res.setHeader('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterMs / 1000))));
          res.status(429).json({ error: { code: err.code, message: err.message } });
        } else if (err instanceof UnauthorizedException) {
          res.status(401).json(err.getResponse());
        } else {
          res.setHeader('Retry-After', '1');
          res.status(503).json({ error: { code: 'TRY_AGAIN', message: ERRORS.TRY_AGAIN.message } });
        }
      },
    );
  };
}

export function configureApp(app: INestApplication): INestApplication {
  // Request ids and request lines first, so refusals below carry an id too (see logging.ts).
  app.use(app.get(HttpLogging).middleware);
  app.use(originCheck(app.get(OriginPolicy)));
  app.use(securityHeaders);
  app.use(largeBodiesNeedTheKey(app.get(TeacherKeyGuard)));
  (app as NestExpressApplication).useBodyParser('json', { limit: JSON_BODY_LIMIT });
  const redis = app.get(RedisConnection);
  if (redis.enabled) {
    // Several instances share games: broadcasts must reach sockets connected to any of them.
    app.useWebSocketAdapter(new RedisIoAdapter(app, redis.create('socket.io'), app.get(AppConfig).REDIS_PREFIX));
  } else {
    app.useWebSocketAdapter(new GameIoAdapter(app));
  }
  app.useGlobalFilters(new HttpErrorFilter());
  const openApi = new DocumentBuilder()
    .setTitle('aulaquiz')
    .setDescription('Classroom quiz server: games, decks and history. The socket.io protocol is in docs/protocol.md.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'the teacher key' })
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs/openapi.json' });
  app.enableShutdownHooks();
  return app;
}

export async function createApp(): Promise<NestExpressApplication> {
  // Start-up logs wait for the structured logger (pino, at LOG_LEVEL; see src/observability/logging.ts).
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  configureApp(app);
  return app;
}
