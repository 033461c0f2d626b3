import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
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

  test('--check counts the rubric problems code can detect and holds the shipped deck to its review', async () => {
    const { code, stderr } = await cli(TEMA1, '--check');
    expect(code).toBe(0);
    expect(stderr).toContain('Rubric, in the bank: GIVEAWAY 0, BAD-DISTRACTOR 0, LANGUAGE 0, DUPLICATE 0');
    expect(stderr).toMatch(/Rubric, dropped while generating: GIVEAWAY \d+, BAD-DISTRACTOR \d+, LANGUAGE \d+, DUPLICATE \d+/);
    const dir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-cli-'));
    const deck = path.join(dir, 'tema1.md');
    await copyFile(TEMA1, deck);
    await copyFile(TEMA1.replace(/\.md$/, '.curated.json'), path.join(dir, 'tema1.curated.json'));
    const review = JSON.parse(await readFile(TEMA1.replace(/\.md$/, '.review.json'), 'utf8')) as Record<string, { verdict: string; note: string }>;
    // The ids hash the deck id, so a copy under another name has none of them reviewed: use the same name.
    const [firstId] = Object.keys(review);
    review[firstId!] = { ...review[firstId!], verdict: 'AMBIGUOUS', note: 'two options can be defended' };
    await writeFile(path.join(dir, 'tema1.review.json'), JSON.stringify(review));
    const copy = path.join(dir, 'tema1-virtualizacion.md');
    await copyFile(TEMA1, copy);
    await copyFile(TEMA1.replace(/\.md$/, '.curated.json'), path.join(dir, 'tema1-virtualizacion.curated.json'));
    await writeFile(path.join(dir, 'tema1-virtualizacion.review.json'), JSON.stringify(review));
    const judged = await cli(copy, '--check');
    expect(judged.code).toBe(1);
    expect(judged.stderr).toContain(`question ${firstId}: reviewed as AMBIGUOUS: two options can be defended`);
    const unreviewed = await cli(deck, '--check');
    expect(unreviewed.code).toBe(1);
    expect(unreviewed.stderr).toMatch(/question tema1-[0-9a-f]{12}: no review verdict/);
  });

  test('--unreviewed lists what the review file has no current verdict for', async () => {
    expect((await cli(TEMA1, '--unreviewed')).stdout).toMatch(/^# Tema 1\. .*: 0 question\(s\) to review/);
    const dir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-cli-'));
    const deck = path.join(dir, 'tema1-virtualizacion.md');
    await copyFile(TEMA1, deck);
    const { stdout } = await cli(deck, '--unreviewed');
    expect(stdout).toMatch(/question\(s\) to review/);
    expect(stdout).toMatch(/`tema1-virtualizacion-[0-9a-f]{12}` fingerprint `[0-9a-f]{12}`/);
  });

  test('--check reports closing open questions that have no curated answers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-cli-'));
    const deck = path.join(dir, 'redes.md');
    await copyFile('test/fixtures/decks/tema2-redes.md', deck);
    const { code, stderr } = await cli(deck, '--check');
    expect(code).toBe(1);
    expect(stderr).toContain('section "8. Cuestiones" holds open questions for the class but no curated answers');
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
