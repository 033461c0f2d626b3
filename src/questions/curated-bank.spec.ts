import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { loadCuratedBank } from './curated-bank.js';

async function bankFile(content: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-curated-'));
  const file = path.join(dir, 'deck.curated.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const good = {
  id: 'q1',
  type: 'single',
  prompt: 'Sobre VirtualBox: ¿qué tipo de virtualización realiza?',
  options: ['Nativa', 'Emulación'],
  correct: [0],
  explanation: 'VirtualBox hace virtualización nativa.',
  source: { section: '9. Cuestiones', slide: 'Cuestiones', sentence: '¿Qué tipo de virtualización realiza?' },
  difficulty: 2,
};

describe('curated banks', () => {
  test("the shipped bank loads and answers the deck's open questions", async () => {
    const questions = await loadCuratedBank('content/decks/tema1-virtualizacion.curated.json');
    expect(questions.length).toBeGreaterThanOrEqual(3);
    expect(questions.every((q) => q.kind === 'curated' && q.tags.includes('9. Cuestiones'))).toBe(true);
  });

  test('a missing file is an empty bank', async () => {
    expect(await loadCuratedBank('content/decks/no-such.curated.json')).toEqual([]);
  });

  test('a bad question fails loudly with file, question and field', async () => {
    const file = await bankFile({ questions: [good, { ...good, id: 'q2', correct: [5] }] });
    await expect(loadCuratedBank(file)).rejects.toThrow(`${file}: question q2: STRUCTURE: correct index out of range`);
    const typo = await bankFile({ questions: [{ ...good, difficulty: 9, answer: 1 }] });
    await expect(loadCuratedBank(typo)).rejects.toThrow(/question q1: (?=.*difficulty must not be greater than 3)(?=.*property answer should not exist)/);
  });

  test('a file that is not the expected JSON fails with its name', async () => {
    const broken = await bankFile('{ "questions": [');
    await expect(loadCuratedBank(broken)).rejects.toThrow(`${broken}: not valid JSON`);
    const shape = await bankFile({ items: [] });
    await expect(loadCuratedBank(shape)).rejects.toThrow(`${shape}: expected {"questions": [...]}`);
  });
});
