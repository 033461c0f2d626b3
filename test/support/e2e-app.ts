import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { configureApp } from '../../src/app.factory.js';
import { AppModule } from '../../src/app.module.js';
import { AppConfig, validateConfig } from '../../src/config/app-config.js';
import { PublicUrl } from '../../src/config/public-url.js';
import { ClientPool, type QuizClient } from './quiz-client.js';

export const TEST_TEACHER_KEY = 'e2e-teacher-key-0123456789';

export interface RunningApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
  /** POST/GET JSON with the teacher key. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the test names the JSON it expects back (a cast said once, at the call); a body of another shape fails its expectations
  api<T = unknown>(method: string, path: string, body?: unknown, key?: string | null): Promise<{ status: number; body: T }>;
}

/** The real app (same pipes and filters as `npm start`) on a free loopback port. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  // A data directory of its own, so no test finds another's journal or history.
  const DATA_DIR = mkdtempSync(path.join(tmpdir(), 'aulaquiz-e2e-'));
  const config = validateConfig({ TEACHER_KEY: TEST_TEACHER_KEY, HOST: '127.0.0.1', PORT: '0', DATA_DIR, ...env });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AppConfig)
    .useValue(config)
    .compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: ['error', 'warn'] }));
  await app.listen(0, '127.0.0.1');
  const port = ((app.getHttpServer() as Server).address() as AddressInfo).port;
  app.get(PublicUrl).setPort(port);
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    close: () => app.close(),
    async api(method, path, body, key = TEST_TEACHER_KEY) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as never };
    },
  };
}

/** The app for a test file: started before its tests, stopped (with every client opened) after. */
export function appForTests(env: Record<string, string> = {}): { readonly server: RunningApp; connect(): Promise<QuizClient>; readonly pool: ClientPool } {
  const pool = new ClientPool();
  let server: RunningApp | undefined;
  beforeAll(async () => {
    server = await startApp(env);
  });
  afterAll(async () => {
    pool.closeAll();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    connect: () => pool.connect(server!.url),
    pool,
  };
}
