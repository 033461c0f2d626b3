import { describe, expect, test } from '@jest/globals';
import { DATABASES, TEMA1 } from '../../../test/support/decks.js';
import { contextFor } from '../../../test/support/generators.js';
import { stanceQuestions } from './stance.generator.js';

describe('advantage and drawback questions', () => {
  test.each([TEMA1, DATABASES])('%s: "the lesson presents X as …" is only ever said of its own list', (deck) => {
    const statements = stanceQuestions(contextFor(deck)).filter((q) => q.kind === 'truefalse-stance');
    expect(statements.length).toBeGreaterThan(0);
    // "«Rendimiento inferior» como una ventaja" is false and nobody would believe it: not asked.
    for (const q of statements) expect(q.correct).toEqual([0]);
    expect(statements.map((q) => q.prompt).join(' ')).not.toMatch(/Rendimiento inferior» como una ventaja/);
  });

  test('which is an advantage: the wrong options are drawbacks of the same owner', () => {
    const q = stanceQuestions(contextFor(TEMA1)).find((x) => x.kind === 'which-advantage' && x.options.includes('Reducción del hardware necesario.'))!;
    expect(q.options[q.correct[0]!]).toBe('Reducción del hardware necesario.');
    expect(q.options.filter((_, i) => i !== q.correct[0]).every((o) => !/Reducción|Migración|Flexibilidad/.test(o))).toBe(true);
  });
});
