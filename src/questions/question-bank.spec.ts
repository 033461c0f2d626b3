import { describe, expect, test } from '@jest/globals';
import { DATABASES, deckOf, REDES, TEMA1 } from '../../test/support/decks.js';
import { deckProblems } from './deck-check.js';
import { normalizeTyped } from './answer-matching.js';

const GENERATED_KINDS = [
  'definition-term',
  'term-definition',
  'truefalse-definition',
  'example-category',
  'which-example',
  'select-examples',
  'truefalse-example',
  'typed-number',
  'which-not',
  'ordering-history',
];

describe('the virtualization deck', () => {
  test('at least 80 distinct, valid questions, every kind, every section 1-8, curated answers for 9', async () => {
    const deck = await deckOf(TEMA1);
    expect(deck.questions.length).toBeGreaterThanOrEqual(80);
    expect(new Set(deck.questions.map((q) => q.id)).size).toBe(deck.questions.length);
    expect(new Set(deck.questions.map((q) => normalizeTyped(q.prompt + q.options.join('|')))).size).toBe(deck.questions.length);
    expect(deckProblems(deck)).toEqual([]);
    const kinds = new Set(deck.questions.map((q) => q.kind));
    for (const kind of GENERATED_KINDS) expect(kinds).toContain(kind);
    for (const section of deck.sections) expect(section.questionCount).toBeGreaterThan(0);
    expect(new Set(deck.questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'truefalse', 'typed', 'ordering']));
    const curated = deck.questions.filter((q) => q.source.section === '9. Cuestiones');
    expect(curated.map((q) => q.prompt).join(' ')).toMatch(/VirtualBox[\s\S]*KVM[\s\S]*contenedores/);
  });

  test('the same deck gives the same ids', async () => {
    const [a, b] = await Promise.all([deckOf(TEMA1), deckOf(TEMA1)]);
    expect(a.questions.map((q) => q.id)).toEqual(b.questions.map((q) => q.id));
  });

  test('every question carries its source, tags and a difficulty', async () => {
    for (const q of (await deckOf(TEMA1)).questions) {
      expect(q.source.section).toMatch(/^\d+\. /);
      expect(q.source.sentence.length).toBeGreaterThan(0);
      expect(q.tags).toContain(q.source.section);
      expect([1, 2, 3]).toContain(q.difficulty);
      expect(q.explanation.length).toBeGreaterThan(0);
    }
  });

  test('Spanish text keeps its accents', async () => {
    const text = (await deckOf(TEMA1)).questions.map((q) => q.prompt).join(' ');
    expect(text).toContain('¿Qué tipo de hypervisor es');
    expect(text).toContain('virtualización');
  });
});

describe('decks the generator was not written for', () => {
  test.each([
    ['Spanish: computer networks', REDES, 'es', '¿Qué tipo de red es «Bluetooth»?'],
    ['English: databases', DATABASES, 'en', 'What type of database is "PostgreSQL"?'],
  ])('%s yields valid questions of every kind its content allows', async (_name, file, language, sample) => {
    const deck = await deckOf(file);
    expect(deck.language).toBe(language);
    expect(deck.questions.length).toBeGreaterThanOrEqual(40);
    expect(deckProblems(deck)).toEqual([]);
    const kinds = new Set(deck.questions.map((q) => q.kind));
    for (const kind of GENERATED_KINDS) expect(kinds).toContain(kind);
    expect(deck.questions.map((q) => q.prompt)).toContain(sample);
  });

  test('English decks get English templates only', async () => {
    const deck = await deckOf(DATABASES);
    for (const q of deck.questions) expect(q.prompt).not.toMatch(/[¿«»]|Verdadero|Completa|Selecciona/);
    expect(deck.questions.find((q) => q.type === 'truefalse')!.options).toEqual(['True', 'False']);
  });
});
