import { describe, expect, test } from '@jest/globals';
import { DATABASES, TEMA1 } from '../../../test/support/decks.js';
import { contextFor } from '../../../test/support/generators.js';
import { isCorrectAnswer } from '../answer-matching.js';
import { numberQuestions, orderingQuestions } from './number.generator.js';

describe('typed number questions', () => {
  const questions = numberQuestions(contextFor(TEMA1));

  test('a year becomes a blank to type, matched tolerantly', () => {
    const q = questions.find((x) => x.accepted.includes('1999'))!;
    expect(q.prompt).toBe(
      'Completa el dato que falta: «En ___, VMware fue la primera en introducir la virtualización en los sistemas x86 para solucionar muchos de estos problemas de rendimiento.»',
    );
    expect(q.type).toBe('typed');
    for (const typed of ['1999', ' 1999 ', '1999.']) expect(isCorrectAnswer(q, typed)).toBe(true);
    expect(isCorrectAnswer(q, '1998')).toBe(false);
  });

  test('percentages accept the number with or without the sign; decades accept the full year', () => {
    const pct = questions.find((x) => x.accepted.includes('20-30%'))!;
    expect(isCorrectAnswer(pct, '20-30')).toBe(true);
    expect(isCorrectAnswer(pct, '20 - 30 %')).toBe(true);
    const sixties = questions.find((x) => x.accepted.includes('60'))!;
    expect(isCorrectAnswer(sixties, '1960')).toBe(true);
  });

  test('the prompt never contains the answer', () => {
    for (const q of questions) expect(q.prompt).not.toContain(` ${q.accepted[0]} `);
  });
});

describe('ordering questions', () => {
  test('history milestones in chronological order, dates blanked', () => {
    const [q] = orderingQuestions(contextFor(TEMA1));
    expect(q.type).toBe('ordering');
    const ordered = q.correct.map((i) => q.options[i]);
    expect(ordered[0]).toMatch(/^Fue IBM/);
    expect(ordered.at(-1)).toMatch(/VMware fue la primera/);
    expect(q.options.join(' ')).not.toMatch(/1999|1980|\b60\b/);
  });

  test('works on an English deck too', () => {
    const [q] = orderingQuestions(contextFor(DATABASES));
    expect(q.prompt).toBe('Put these milestones in order, oldest first.');
    expect(q.correct.map((i) => q.options[i])[0]).toMatch(/Codd/);
  });
});
