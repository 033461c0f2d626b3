import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from '@jest/globals';
import { TEMA1 } from './support/decks.js';

const run = promisify(execFile);
/** The compiled CLI, as `npm run questions` runs it (npm test builds first). */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['dist/questions/cli.js', ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run questions', () => {
  test('prints a summary per kind and per section', async () => {
    const { code, stdout } = await cli(TEMA1);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Tema 1\. Fundamentos y Tecnologías de Virtualización \(tema1-virtualizacion, es\): \d+ questions/);
    expect(stdout).toMatch(/\d+ {2}definition-term \(single\)/);
    expect(stdout).toMatch(/\d+ {2}7\. Tipos de Hypervisor/);
  });

  test('--json writes the whole bank, even through a pipe', async () => {
    const { stdout } = await cli(TEMA1, '--json', '-');
    expect(stdout.length).toBeGreaterThan(100_000);
    const bank = JSON.parse(stdout) as { questions: unknown[]; deck: { id: string } };
    expect(bank.deck.id).toBe('tema1-virtualizacion');
    expect(bank.questions.length).toBeGreaterThanOrEqual(80);
  });

  test('--check passes on a good deck and fails on a bad curated file or an empty section', async () => {
    expect((await cli(TEMA1, '--check')).code).toBe(0);
    const dir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-cli-'));
    const deck = path.join(dir, 'mi-tema.md');
    await copyFile(TEMA1, deck);
    await writeFile(path.join(dir, 'mi-tema.curated.json'), JSON.stringify({ questions: [{ id: 'q', type: 'single' }] }));
    const bad = await cli(deck, '--check');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('mi-tema.curated.json: question q:');
    const thin = path.join(dir, 'thin.md');
    await writeFile(thin, '# 1. Intro\n\n- **Term:** a definition.\n- **Other:** another one.\n\n# 2. Prose\n\nNothing to ask here.\n');
    const empty = await cli(thin, '--check');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('section "2. Prose" yields no questions');
  });

  test('a wrong call prints the usage', async () => {
    const { code, stderr } = await cli();
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run questions');
  });
});
