import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { DATABASES, deckOf, REDES, TEMA1 } from '../../test/support/decks.js';
import { deckProblems } from './deck-check.js';
import { normalizeTyped } from './answer-matching.js';
import type { Deck } from './deck.js';

const FIXTURES = 'test/fixtures/decks';
const TEST_DECKS = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .map((f) => path.join(FIXTURES, f));

function shares(deck: Deck, key: (q: Deck['questions'][number]) => string): number {
  const counts = new Map<string, number>();
  for (const q of deck.questions) counts.set(key(q), (counts.get(key(q)) ?? 0) + 1);
  return Math.max(...counts.values()) / deck.questions.length;
}

describe('the virtualization deck', () => {
  test('at least 120 distinct, valid questions of at least 8 kinds; no section or kind above 40%', async () => {
    const deck = await deckOf(TEMA1);
    expect(deck.questions.length).toBeGreaterThanOrEqual(120);
    expect(new Set(deck.questions.map((q) => q.id)).size).toBe(deck.questions.length);
    expect(new Set(deck.questions.map((q) => normalizeTyped(q.prompt + q.options.join('|')))).size).toBe(deck.questions.length);
    expect(deckProblems(deck)).toEqual([]);
    expect(new Set(deck.questions.map((q) => q.kind)).size).toBeGreaterThanOrEqual(8);
    expect(shares(deck, (q) => q.kind)).toBeLessThanOrEqual(0.4);
    expect(shares(deck, (q) => q.source.section)).toBeLessThanOrEqual(0.4);
    for (const section of deck.sections) expect([section.label, section.questionCount > 0]).toEqual([section.label, true]);
    expect(new Set(deck.questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'truefalse', 'typed', 'ordering']));
    const curated = deck.questions.filter((q) => q.source.section === '9. Cuestiones');
    expect(curated.map((q) => q.prompt).join(' ')).toMatch(/VirtualBox[\s\S]*KVM[\s\S]*contenedores/);
  });

  test('the kinds that test understanding are there', async () => {
    const kinds = new Set((await deckOf(TEMA1)).questions.map((q) => q.kind));
    for (const kind of ['trait-term', 'trait-of', 'truefalse-trait', 'compare-two', 'which-advantage', 'which-drawback', 'which-not']) {
      expect(kinds).toContain(kind);
    }
  });

  test('which-not asks only about example lists, with an intruder from a sibling list', async () => {
    const deck = await deckOf(TEMA1);
    const whichNot = deck.questions.filter((q) => q.kind === 'which-not');
    expect(whichNot.length).toBeGreaterThan(0);
    for (const q of whichNot) expect(q.prompt).toMatch(/^¿Cuál de estos NO es un ejemplo de «/);
    const native = whichNot.filter((q) => q.prompt.includes('«Virtualización nativa»'));
    for (const q of native) expect(['KVM', 'Xen', 'VirtualBox', 'VMware Workstation', 'VMware Server']).not.toContain(q.options[q.correct[0]!]);
  });

  test('the same deck gives the same ids', async () => {
    const [a, b] = await Promise.all([deckOf(TEMA1), deckOf(TEMA1)]);
    expect(a.questions.map((q) => q.id)).toEqual(b.questions.map((q) => q.id));
  });

  test('every question carries its source slide, tags and a difficulty', async () => {
    for (const q of (await deckOf(TEMA1)).questions) {
      expect(q.source.section).toMatch(/^\d+\. /);
      expect(q.source.sentence.length).toBeGreaterThan(0);
      expect(q.tags).toContain(q.source.section);
      expect([1, 2, 3]).toContain(q.difficulty);
      expect(q.explanation.length).toBeGreaterThan(0);
    }
    const kvm = (await deckOf(TEMA1)).questions.find((q) => q.prompt === '¿Qué tipo de virtualización es «KVM»?')!;
    expect(kvm.source.slide).toBe('Virtualización de la plataforma (III)');
  });

  test('Spanish text keeps its accents', async () => {
    const text = (await deckOf(TEMA1)).questions.map((q) => q.prompt).join(' ');
    expect(text).toContain('¿Qué tipo de hypervisor es');
    expect(text).toContain('virtualización');
  });
});

describe('decks the generator was not written for', () => {
  test.each(TEST_DECKS)('%s passes the check with every section represented and no section or kind above 40%%', async (file) => {
    const deck = await deckOf(file);
    expect(deckProblems(deck)).toEqual([]);
    for (const section of deck.sections) expect([section.label, section.questionCount > 0]).toEqual([section.label, true]);
    expect(new Set(deck.questions.map((q) => q.kind)).size).toBeGreaterThanOrEqual(8);
    expect(shares(deck, (q) => q.kind)).toBeLessThanOrEqual(0.4);
    expect(shares(deck, (q) => q.source.section)).toBeLessThanOrEqual(0.4);
  });

  test.each([
    [REDES, 'es', '¿Qué tipo de red es «Bluetooth»?'],
    [DATABASES, 'en', 'What type of database is "PostgreSQL"?'],
  ])('%s speaks its own language', async (file, language, sample) => {
    const deck = await deckOf(file);
    expect(deck.language).toBe(language);
    expect(deck.questions.map((q) => q.prompt)).toContain(sample);
  });

  test('English decks get English templates only', async () => {
    const deck = await deckOf(DATABASES);
    for (const q of deck.questions) expect(q.prompt).not.toMatch(/[¿«»]|Verdadero|Completa|Selecciona/);
    expect(deck.questions.find((q) => q.type === 'truefalse')!.options).toEqual(['True', 'False']);
  });
});
