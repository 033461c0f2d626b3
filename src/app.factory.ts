import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { HttpErrorFilter } from './common/http-error.filter.js';

/**
 * App-wide setup in one place, so the server and the e2e tests run the same app.
 * Validation pipes are set per controller and per gateway: a global pipe would
 * also run on socket events and answer them with HTTP errors.
 */
export function configureApp(app: INestApplication): INestApplication {
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  return app;
}

export async function createApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: false });
  configureApp(app);
  return app;
}
