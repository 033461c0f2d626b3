import { readFile } from 'node:fs/promises';
import { questionProblems } from './question-quality.js';
import type { Question } from './question.js';

/**
 * Hand-written questions kept next to a deck ("<deck>.curated.json"), for
 * what the deck asks but does not answer. Checked by the same rules as
 * generated questions; a bad file stops loading with file, question and field.
 */
export async function loadCuratedBank(file: string): Promise<Question[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`${file}: not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const list = (parsed as { questions?: unknown }).questions;
  if (!Array.isArray(list)) throw new Error(`${file}: expected {"questions": [...]}`);
  return list.map((raw, index) => {
    const entry = raw as Partial<Question>;
    const question = {
      kind: 'curated',
      accepted: [],
      tags: entry.source?.section ? [entry.source.section] : [],
      ...entry,
    } as Question;
    const problems = questionProblems(question);
    if (problems.length) throw new Error(`${file}: question ${entry.id ?? `#${index + 1}`}: ${problems.join('; ')}`);
    return question;
  });
}
