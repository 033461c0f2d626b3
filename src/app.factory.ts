import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { HttpErrorFilter } from './common/http-error.filter.js';
import { AppConfig } from './config/app-config.js';
import { RedisConnection } from './redis/redis-connection.js';
import { RedisIoAdapter } from './redis/redis-io.adapter.js';
import { GameIoAdapter } from './game/game-io.adapter.js';

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

export function configureApp(app: INestApplication): INestApplication {
  app.use(securityHeaders);
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

const LOG_LEVELS: Record<AppConfig['LOG_LEVEL'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

export async function createApp(): Promise<NestExpressApplication> {
  // Start-up logs wait for the configured level (they are flushed through it).
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(LOG_LEVELS[app.get(AppConfig).LOG_LEVEL]);
  configureApp(app);
  return app;
}
