import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { configureApp } from '../src/app.factory.js';
import { AppModule } from '../src/app.module.js';
import { AppConfig, validateConfig } from '../src/config/app-config.js';
import { PublicUrl } from '../src/config/public-url.js';
import type { QuestionView } from '../src/game/engine/index.js';
import type { JoinResult, ServerEvents } from '../src/protocol/index.js';
import type { HistoryRecord } from '../src/history/history-record.js';
import { HistoryStore } from '../src/history/history-store.js';
import { MemoryHistoryStore } from '../src/history/memory-history.store.js';
import { ClientPool } from './support/quiz-client.js';
import { ifStarted } from './support/teardown.js';

const KEY = 'outbox-teacher-key-0123456789';

/** History on a disk that is full until the test frees it. */
class FullDiskHistoryStore extends MemoryHistoryStore {
  full = true;
  override async saveOnce(record: HistoryRecord): Promise<boolean> {
    if (this.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return super.saveOnce(record);
  }
}

describe('a finished game whose history write fails', () => {
  const history = new FullDiskHistoryStore();
  const pool = new ClientPool();
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const config = validateConfig({ TEACHER_KEY: KEY, HOST: '127.0.0.1', PORT: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'aulaquiz-outbox-')) });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(AppConfig)
      .useValue(config)
      .overrideProvider(HistoryStore)
      .useValue(history)
      .compile();
    app = configureApp(moduleRef.createNestApplication({ logger: false }));
    await app.listen(0, '127.0.0.1');
    const port = ((app.getHttpServer() as Server).address() as AddressInfo).port;
    app.get(PublicUrl).setPort(port);
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    pool.closeAll();
    await ifStarted(app)?.close();
  });

  const get = (route: string) => fetch(`${url}${route}`, { headers: { authorization: `Bearer ${KEY}` } });

  test('is kept and retried until stored: the podium says saving, readiness reports the backlog, nothing is lost', async () => {
    const created = await fetch(`${url}/api/games`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ deckId: 'tema1-virtualizacion', questionCount: 1, seed: 4, types: ['single'] }),
    });
    const game = (await created.json()) as { gameId: string; pin: string; hostToken: string };
    const host = await pool.connect(url);
    await host.ok('host:attach', { hostToken: game.hostToken });
    const phone = await pool.connect(url);
    await phone.ok<JoinResult>('player:join', { pin: game.pin, nickname: 'Ana' });
    await host.ok('host:start');
    await host.next<QuestionView>('question:open');
    await phone.ok('player:answer', { questionIndex: 0, answer: 0 });
    await host.next('question:reveal');
    await host.ok('host:next');

    const over = await host.next<ServerEvents['game:over']>('game:over');
    expect(over).toMatchObject({ historyId: game.gameId, historySaved: false });
    expect((await get(`/api/history/${game.gameId}`)).status).toBe(404);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { error: Record<string, unknown> }).error).toMatchObject({ history: { status: 'down', count: 1 } });

    history.full = false;
    const saved = await host.next<ServerEvents['history:saved']>('history:saved', () => true, 0, 20_000);
    expect(saved).toEqual({ historyId: game.gameId });
    await phone.next('history:saved');
    const record = (await (await get(`/api/history/${game.gameId}`)).json()) as HistoryRecord;
    expect(record.questions[0]!.answers).toHaveLength(1);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
  }, 40_000);
});
