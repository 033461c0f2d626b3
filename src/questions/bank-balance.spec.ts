import { describe, expect, test } from '@jest/globals';
import { balanceBank } from './bank-balance.js';
import type { Question } from './question.js';

function question(id: string, section: string, kind: string): Question {
  return {
    id,
    kind,
    type: 'truefalse',
    prompt: `¿Verdadero o falso? ${id}`,
    options: ['Verdadero', 'Falso'],
    correct: [0],
    accepted: [],
    explanation: id,
    source: { section, slide: section, sentence: id },
    tags: [section],
    difficulty: 1,
  };
}

describe('balanceBank', () => {
  test('trims the section above 40%, most frequent kind first, last ones first, and keeps the order', () => {
    const big = Array.from({ length: 8 }, (_, i) => question(`big-${i}`, '6. Grande', i < 6 ? 'truefalse-example' : 'trait-of'));
    const small = ['1. A', '2. B', '3. C'].flatMap((s) => [question(`${s}-1`, s, 'definition-term'), question(`${s}-2`, s, 'compare-two')]);
    const bank = balanceBank([...big, ...small]);
    const inBig = bank.filter((q) => q.source.section === '6. Grande');
    expect(inBig.length / bank.length).toBeLessThanOrEqual(0.4);
    expect(inBig.map((q) => q.id)).toEqual(['big-0', 'big-1', 'big-6', 'big-7']);
    expect(bank.filter((q) => q.source.section !== '6. Grande')).toHaveLength(6);
  });

  test('a bank of one or two sections and kinds is left as it is: there is nothing to balance against', () => {
    const bank = [question('a', '1. A', 'k'), question('b', '1. A', 'k'), question('c', '2. B', 'j')];
    expect(balanceBank(bank)).toEqual(bank);
  });
});
