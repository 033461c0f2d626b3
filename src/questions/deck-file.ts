import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCuratedBank } from './curated-bank.js';
import type { Deck } from './deck.js';
import { parseDeck } from './parser/deck-parser.js';
import { generateBank } from './question-bank.js';
import type { Question } from './question.js';

/** A deck id from its file name: "tema1-virtualizacion.md" → "tema1-virtualizacion". */
export function deckIdOf(file: string): string {
  return path.basename(file).replace(/\.md$/i, '');
}

export function curatedFileOf(deckFile: string): string {
  return deckFile.replace(/\.md$/i, '.curated.json');
}

/** Builds a deck: parse, generate, add the curated questions, count per section. */
export function buildDeck(id: string, markdown: string, curated: Question[] = []): Deck {
  const outline = parseDeck(markdown);
  const bank = generateBank(id, outline);
  const questions = [...bank.questions, ...curated];
  const sections = outline.sections.map((s) => ({
    number: s.number,
    label: s.label,
    questionCount: questions.filter((q) => q.source.section === s.label).length,
  }));
  return { id, title: outline.title, language: outline.language, sections, questions, warnings: bank.warnings };
}

/** "<id>.md" plus its optional "<id>.curated.json". */
export async function loadDeckFile(file: string): Promise<Deck> {
  const markdown = await readFile(file, 'utf8');
  return buildDeck(deckIdOf(file), markdown, await loadCuratedBank(curatedFileOf(file)));
}
