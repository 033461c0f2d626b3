import { readFileSync } from 'node:fs';
import { loadDeckFile } from '../../src/questions/deck-file.js';
import { parseDeck } from '../../src/questions/parser/deck-parser.js';

export const TEMA1 = 'content/decks/tema1-virtualizacion.md';
export const REDES = 'test/fixtures/decks/tema2-redes.md';
export const DATABASES = 'test/fixtures/decks/unit3-databases.md';

export const outlineOf = (file: string) => parseDeck(readFileSync(file, 'utf8'));
export const deckOf = (file: string) => loadDeckFile(file);
