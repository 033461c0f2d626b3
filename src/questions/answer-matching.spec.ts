import { describe, expect, test } from '@jest/globals';
import { everyTypeRound } from '../../test/support/fixtures.js';
import { matchesTyped, normalizeTyped } from './answer-matching.js';
import { isCorrectAnswer, isWellFormed } from './types/index.js';

describe('typed answers', () => {
  test('case, accents, punctuation and spacing do not matter', () => {
    expect(normalizeTyped('  Máquina   VIRTUAL. ')).toBe('maquina virtual');
    expect(matchesTyped('maquina virtual', ['Máquina virtual'])).toBe(true);
    expect(matchesTyped('HIPERVISOR!', ['hipervisor'])).toBe(true);
  });

  test('one typo is forgiven in words of six letters or more, never in numbers or short words', () => {
    expect(matchesTyped('hipervisro', ['hipervisor'])).toBe(false); // two edits (transposition)
    expect(matchesTyped('hipervisr', ['hipervisor'])).toBe(true);
    expect(matchesTyped('1998', ['1999'])).toBe(false);
    expect(matchesTyped('kvn', ['KVM'])).toBe(false);
  });

  test('an empty answer is never right', () => {
    expect(matchesTyped('   ', [''])).toBe(false);
    expect(matchesTyped('...', ['1999'])).toBe(false);
  });
});

describe('grading by question type', () => {
  const round = everyTypeRound();
  const ofType = (type: string) => round.find((q) => q.type === type)!;
  const [single, multiple, truefalse, typed, ordering] = [ofType('single'), ofType('multiple'), ofType('truefalse'), ofType('typed'), ofType('ordering')];

  test('shape checks', () => {
    expect(isWellFormed(single, 1)).toBe(true);
    expect(isWellFormed(single, 4)).toBe(false);
    expect(isWellFormed(single, [1])).toBe(false);
    expect(isWellFormed(multiple, [0, 0])).toBe(false);
    expect(isWellFormed(multiple, [])).toBe(false);
    expect(isWellFormed(ordering, [0, 1])).toBe(false);
    expect(isWellFormed(ordering, [2, 1, 0])).toBe(true);
    expect(isWellFormed(typed, 3)).toBe(false);
    expect(isWellFormed(truefalse, 2)).toBe(false);
  });

  test('multiple select is all or nothing, in any order', () => {
    expect(isCorrectAnswer(multiple, [1, 0])).toBe(true);
    expect(isCorrectAnswer(multiple, [0])).toBe(false);
    expect(isCorrectAnswer(multiple, [0, 1, 2])).toBe(false);
  });

  test('ordering must match exactly', () => {
    expect(isCorrectAnswer(ordering, [1, 2, 0])).toBe(true);
    expect(isCorrectAnswer(ordering, [1, 0, 2])).toBe(false);
  });
});
