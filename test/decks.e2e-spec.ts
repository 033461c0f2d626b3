import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import type { DeckSummary } from '../src/questions/deck.js';
import { DATABASES } from './support/decks.js';
import { startApp, type RunningApp } from './support/e2e-app.js';

describe('decks over REST', () => {
  let dataDir: string;
  let server: RunningApp | undefined;
  let markdown: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-decks-'));
    markdown = await readFile(DATABASES, 'utf8');
  });
  afterEach(async () => server?.close());

  test('a teacher uploads a deck, plays it, and finds it again after a restart', async () => {
    server = await startApp({ DATA_DIR: dataDir });
    const added = await server.api<{ deck: DeckSummary; warnings: unknown[] }>('POST', '/api/decks', { markdown });
    expect(added.status).toBe(201);
    expect(added.body.deck).toMatchObject({ id: 'unit-3-database-systems', title: 'Unit 3. Database Systems', language: 'en' });
    expect(added.body.deck.questionCount).toBeGreaterThan(40);
    expect(Array.isArray(added.body.warnings)).toBe(true);

    const listed = await server.api<DeckSummary[]>('GET', '/api/decks', undefined, null);
    expect(listed.body.map((d) => d.id).sort()).toEqual(['tema1-virtualizacion', 'unit-3-database-systems']);
    const tema1 = listed.body.find((d) => d.id === 'tema1-virtualizacion')!;
    expect(tema1.sections.map((s) => s.label)).toContain('7. Tipos de Hypervisor');

    const game = await server.api('POST', '/api/games', { deckId: 'unit-3-database-systems', questionCount: 5 });
    expect(game.status).toBe(201);

    const again = await server.api<{ error: { code: string } }>('POST', '/api/decks', { markdown });
    expect([again.status, again.body.error.code]).toEqual([409, 'DECK_EXISTS']);
    await server.close();

    server = await startApp({ DATA_DIR: dataDir });
    const afterRestart = await server.api<DeckSummary[]>('GET', '/api/decks');
    expect(afterRestart.body.map((d) => d.id)).toContain('unit-3-database-systems');
  });

  test('bad uploads get clear errors', async () => {
    server = await startApp({ DATA_DIR: dataDir });
    expect((await server.api('POST', '/api/decks', { markdown }, null)).status).toBe(401);
    const cases: Array<[unknown, number, string]> = [
      [{ markdown: 5 }, 400, 'INVALID_PAYLOAD'],
      [{}, 400, 'INVALID_PAYLOAD'],
      [{ markdown, id: 'Not A Slug' }, 400, 'INVALID_PAYLOAD'],
      [{ markdown: 'x'.repeat(90_001) }, 400, 'INVALID_PAYLOAD'],
      [{ markdown: '# Notes\n\nJust prose, no numbered sections.' }, 422, 'DECK_UNUSABLE'],
      [{ markdown, id: 'tema1-virtualizacion' }, 409, 'DECK_EXISTS'],
    ];
    for (const [body, status, code] of cases) {
      const reply = await server.api<{ error: { code: string } }>('POST', '/api/decks', body);
      expect([reply.status, reply.body.error.code]).toEqual([status, code]);
    }
  });
});
