import { describe, expect, test } from '@jest/globals';
import { DATABASES, TEMA1 } from '../../../test/support/decks.js';
import { contextFor } from '../../../test/support/generators.js';
import { isCorrectAnswer } from '../types/index.js';
import { numberQuestions, orderingQuestions } from './number.generator.js';

/** A deck whose range ("entre un 30 y un 35 %") is a fact the sentence is about. */
const NUBE = 'test/fixtures/decks/tema3-nube.md';

describe('typed number questions', () => {
  const questions = numberQuestions(contextFor(TEMA1));
  const range = numberQuestions(contextFor(NUBE)).find((x) => x.accepted.includes('30-35%'))!;

  test('a year becomes a blank to type, matched tolerantly', () => {
    const q = questions.find((x) => x.accepted.includes('1999'))!;
    expect(q.prompt).toBe(
      // The trailing clause that points back at the slide ("…de estos problemas") is cut off.
      'Completa el dato que falta: «En ___, VMware fue la primera en introducir la virtualización en los sistemas x86.»',
    );
    expect(q.type).toBe('typed');
    for (const typed of ['1999', ' 1999 ', '1999.']) expect(isCorrectAnswer(q, typed)).toBe(true);
    expect(isCorrectAnswer(q, '1998')).toBe(false);
  });

  test('percentages accept the number with or without the sign; decades accept the full year', () => {
    const pct = questions.find((x) => x.accepted.includes('50%'))!;
    expect(isCorrectAnswer(pct, '50')).toBe(true);
    expect(isCorrectAnswer(pct, '50 %')).toBe(true);
    expect(isCorrectAnswer(range, '30 - 35 %')).toBe(true);
    const sixties = questions.find((x) => x.accepted.includes('60'))!;
    expect(isCorrectAnswer(sixties, '1960')).toBe(true);
  });

  test('ranges are accepted in the forms students type', () => {
    expect(range.prompt).toBe('Completa el dato que falta: «Se estima que las empresas desperdician entre un ___ de lo que gastan en la nube.»');
    for (const typed of ['30-35%', '30%-35%', '30 y 35%', 'entre 30 y 35', '30 to 35', 'entre el 30 y el 35 %', '30–35']) {
      expect([typed, isCorrectAnswer(range, typed)]).toEqual([typed, true]);
    }
    for (const typed of ['30', '35%', '30-40%', '20 y 35']) expect([typed, isCorrectAnswer(range, typed)]).toEqual([typed, false]);
  });

  test('a figure whose sentence leans on the slide for what it measures is not asked', () => {
    // "… sólo se aprovecha entre un 20-30% de su capacidad de proceso": the servers are on the bullet before.
    expect(questions.flatMap((q) => q.accepted)).not.toContain('20-30%');
    // "Google presentó App Engine, su primera plataforma …": the possessive has its name in the sentence.
    expect(numberQuestions(contextFor(NUBE)).flatMap((q) => q.accepted)).toContain('2008');
  });

  test('only figures that are facts: not an aside, not a sentence with two figures, not a digit in a name', () => {
    const asked = questions.map((q) => q.accepted[0]);
    expect(asked).not.toContain('17'); // "Como curiosidad; … hay 17 instrucciones"
    expect(asked).not.toContain('1980'); // "en las décadas de 1980 y 1990"
    const named = numberQuestions(contextFor(TEMA1)).filter((q) => /M44|44X|x86/.test(q.accepted.join(' ')));
    expect(named).toEqual([]);
  });

  test('the prompt never contains the answer', () => {
    for (const q of questions) expect(q.prompt).not.toContain(` ${q.accepted[0]} `);
  });
});

describe('ordering questions', () => {
  test('history milestones in chronological order, dates blanked', () => {
    const q = orderingQuestions(contextFor(TEMA1))[0]!;
    expect(q.type).toBe('ordering');
    const ordered = q.correct.map((i) => q.options[i]);
    expect(ordered[0]).toMatch(/^Fue IBM/);
    expect(ordered.at(-1)).toMatch(/VMware fue la primera/);
    expect(q.options.join(' ')).not.toMatch(/1999|1980|\b60\b/);
  });

  test('works on an English deck too', () => {
    const q = orderingQuestions(contextFor(DATABASES))[0]!;
    expect(q.prompt).toBe('Put these milestones in order, oldest first.');
    expect(q.correct.map((i) => q.options[i])[0]).toMatch(/Codd/);
  });
});
