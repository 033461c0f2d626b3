import { describe, expect, test } from '@jest/globals';
import { TEMA1 } from '../../../test/support/decks.js';
import { contextFor, rightOptions, wrongOptions } from '../../../test/support/generators.js';
import { extractFacts } from '../parser/facts.js';
import { outlineOf } from '../../../test/support/decks.js';
import { listQuestions } from './list.generator.js';

describe('"which is NOT" questions', () => {
  const questions = listQuestions(contextFor(TEMA1));
  const lists = extractFacts(outlineOf(TEMA1)).lists;

  test('advantages vs drawbacks: the odd one comes from the neighbouring section', () => {
    const q = questions.find((x) => x.prompt === '¿Cuál de estas afirmaciones NO corresponde a «3. Inconvenientes»?')!;
    const drawbacks = lists.find((l) => l.title === '3. Inconvenientes')!.items;
    expect(drawbacks).not.toContain(rightOptions(q)[0]);
    expect(wrongOptions(q).every((o) => drawbacks.includes(o))).toBe(true);
    expect(q.explanation).toMatch(/corresponde a «(2\. Utilidad|1\. Definición)»/);
  });

  test('type I vs type II and the platform virtualization kinds pair within their section', () => {
    const q = questions.find((x) => x.prompt.includes('«Virtualización parcial»'))!;
    const partial = lists.find((l) => l.title === 'Virtualización parcial')!.items;
    expect(partial).not.toContain(rightOptions(q)[0]);
    expect(q.source.section).toBe('6. Tipos de virtualización');
  });

  test('every "NOT" question has exactly one odd option', () => {
    for (const q of questions) expect(q.correct).toHaveLength(1);
    expect(questions.length).toBeGreaterThanOrEqual(10);
  });
});
