import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import type { DeckSummary } from '../src/questions/deck.js';
import { startBuiltServer, type BuiltServer } from './support/built-server.js';
import { DATABASES } from './support/decks.js';
import { startApp, type RunningApp } from './support/e2e-app.js';

type Added = { deck: DeckSummary; replaced: boolean };

describe('deck uploads: limits, concurrency, replacing and the build cache', () => {
  let markdown: string;
  let server: RunningApp | undefined;
  let built: BuiltServer | undefined;

  beforeAll(async () => {
    markdown = await readFile(DATABASES, 'utf8');
  });
  afterEach(async () => {
    await server?.close();
    await built?.stop();
    server = undefined;
    built = undefined;
  });

  test('a deck nested 40,000 levels deep is refused as a bad payload, not a server error', async () => {
    server = await startApp();
    const deep = `# Deep\n\n## 1. Section\n\n${'>'.repeat(40_000)} text\n`;
    const reply = await server.api<{ error: { code: string; message: string } }>('POST', '/api/decks', { markdown: deep });
    expect([reply.status, reply.body.error.code]).toEqual([400, 'INVALID_PAYLOAD']);
    expect(reply.body.error.message).toMatch(/nests 40000 levels/);
  });

  test('four concurrent uploads of one id: one creates it, the others are told it exists; a re-upload with replace says it replaced', async () => {
    server = await startApp();
    const replies = await Promise.all(
      [0, 1, 2, 3].map(() => server!.api<Added | { error: { code: string } }>('POST', '/api/decks', { markdown, id: 'same-id' })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(replies.filter((r) => r.status === 409).map((r) => (r.body as { error: { code: string } }).error.code)).toEqual([
      'DECK_EXISTS',
      'DECK_EXISTS',
      'DECK_EXISTS',
    ]);
    expect((replies.find((r) => r.status === 201)!.body as Added).replaced).toBe(false);

    const again = await server.api<Added>('POST', '/api/decks', { markdown, id: 'same-id', replace: true });
    expect([again.status, again.body.replaced]).toEqual([201, true]);
  });

  test('a restart reads built decks from the cache instead of building them again', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-deck-cache-'));
    server = await startApp({ DATA_DIR: dataDir });
    expect((await server.api('POST', '/api/decks', { markdown })).status).toBe(201);
    await server.close();
    // Mark every cached build: if the next start used them, the mark shows.
    const cacheDir = path.join(dataDir, 'deck-cache');
    for (const file of await readdir(cacheDir)) {
      const deck = JSON.parse(await readFile(path.join(cacheDir, file), 'utf8')) as { title: string };
      await writeFile(path.join(cacheDir, file), JSON.stringify({ ...deck, title: `${deck.title} (cached)` }));
    }
    server = await startApp({ DATA_DIR: dataDir });
    const listed = await server.api<DeckSummary[]>('GET', '/api/decks', undefined, null);
    expect(listed.body.map((d) => d.title).sort()).toEqual([
      'Tema 1. Fundamentos y Tecnologías de Virtualización (cached)',
      'Unit 3. Database Systems (cached)',
    ]);
  });

  test('the built server builds uploads in its worker thread', async () => {
    built = await startBuiltServer();
    const response = await fetch(`${built.url}/api/decks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${built.teacherKey}` },
      body: JSON.stringify({ markdown }),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as Added).deck).toMatchObject({ id: 'unit-3-database-systems', language: 'en' });
  });
});
