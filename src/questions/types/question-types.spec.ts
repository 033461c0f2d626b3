import { describe, expect, test } from '@jest/globals';
import { everyTypeRound } from '../../../test/support/fixtures.js';
import { SeededRandom } from '../../common/seeded-random.js';
import { QUESTION_TYPES, type AnswerValue, type Question, type QuestionType } from '../question.js';
import { answerText, isCorrectAnswer, isWellFormed, QUESTION_TYPE_RULES, rightAnswerText, rulesOf, shuffleForRound } from './index.js';

/** The fixture round holds one question of each type (see test/support/fixtures.ts for their answer keys). */
function questionOf(type: QuestionType): Question {
  const q = everyTypeRound().find((x) => x.type === type);
  if (!q) throw new Error(`no ${type} question in the fixture round`);
  return q;
}

interface TypeCase {
  right: AnswerValue;
  wrong: AnswerValue[];
  malformed: AnswerValue[];
  /** What the history shows for `right` and for the first wrong answer. */
  rightText: string;
  wrongText: string;
  /** The right answer as the student report words it. */
  keyText: string;
  /** What the first wrong answer counts toward the class's most common mistake. */
  mistake: string[];
}

const CASES: { [T in QuestionType]: TypeCase } = {
  single: { right: 1, wrong: [0, 3], malformed: [4, -1, 1.5, [1], '1'], rightText: 'Tipo II', wrongText: 'Tipo I', keyText: 'Tipo II', mistake: ['Tipo I'] },
  multiple: {
    right: [1, 0],
    wrong: [[0], [0, 1, 2], [2, 3]],
    malformed: [[], [0, 0], [4], 0, 'KVM'],
    rightText: 'Xen; KVM',
    wrongText: 'KVM',
    keyText: 'KVM; Xen',
    mistake: [],
  },
  truefalse: { right: 0, wrong: [1], malformed: [2, [0], 'Verdadero'], rightText: 'Verdadero', wrongText: 'Falso', keyText: 'Verdadero', mistake: ['Falso'] },
  typed: { right: ' 1999. ', wrong: ['1998', ''], malformed: [1999, [1, 9]], rightText: ' 1999. ', wrongText: '1998', keyText: '1999', mistake: ['1998'] },
  ordering: {
    right: [1, 2, 0],
    wrong: [
      [0, 1, 2],
      [1, 0, 2],
    ],
    malformed: [[1, 2], [1, 1, 0], [1, 2, 3], 1, 'IBM M44'],
    rightText: 'IBM M44 → Abandono → VMware x86',
    wrongText: 'VMware x86 → IBM M44 → Abandono',
    keyText: 'IBM M44 → Abandono → VMware x86',
    mistake: ['VMware x86 → IBM M44 → Abandono'],
  },
};

describe('the question-type registry', () => {
  test('has one entry per type, and the fixture round one question per type', () => {
    expect(Object.keys(QUESTION_TYPE_RULES).sort()).toEqual([...QUESTION_TYPES].sort());
    expect(
      everyTypeRound()
        .map((q) => q.type)
        .sort(),
    ).toEqual([...QUESTION_TYPES].sort());
  });

  describe.each(QUESTION_TYPES)('%s', (type) => {
    const q = questionOf(type);
    const c = CASES[type];

    test('accepts answers of its shape and refuses the others (INVALID_ANSWER)', () => {
      for (const answer of [c.right, ...c.wrong]) expect([answer, isWellFormed(q, answer)]).toEqual([answer, true]);
      for (const answer of c.malformed) expect([answer, isWellFormed(q, answer)]).toEqual([answer, false]);
    });

    test('grades the right answer right and the wrong ones wrong', () => {
      expect(isCorrectAnswer(q, c.right)).toBe(true);
      for (const answer of c.wrong) expect([answer, isCorrectAnswer(q, answer)]).toEqual([answer, false]);
    });

    test('writes answers as text for the history, and the right answer for the student report', () => {
      expect(answerText(q, c.right)).toBe(c.rightText);
      expect(answerText(q, c.wrong[0])).toBe(c.wrongText);
      expect(answerText(q, undefined)).toBe('');
      expect(rightAnswerText(q)).toBe(c.keyText);
    });

    test('counts a wrong answer toward the most common mistake', () => {
      expect(rulesOf(q).wrongParts(q, c.wrong[0] ?? c.right)).toEqual(c.mistake);
    });

    test('a shuffled round keeps the same answer right, under the options as shown', () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const shuffled = shuffleForRound(q, new SeededRandom(seed));
        expect(shuffled.type).toBe(type);
        expect([...shuffled.options].sort()).toEqual([...q.options].sort());
        // A set of right options may be listed in another order; an order or a single answer may not.
        if (type === 'multiple') {
          expect(rightAnswerText(shuffled).split('; ').sort()).toEqual(rightAnswerText(q).split('; ').sort());
          expect(shuffled.correct).toEqual([...shuffled.correct].sort((a, b) => a - b));
        } else {
          expect(rightAnswerText(shuffled)).toBe(rightAnswerText(q));
        }
      }
    });

    test('a well-made question has no structure problems', () => {
      expect(rulesOf(q).structureProblems(q)).toEqual([]);
    });

    test('lists its answer key for the questions CLI', () => {
      expect(rulesOf(q).keyLines(q).join('\n')).toContain(type === 'typed' ? '`1999`' : c.keyText.split(/; | → /)[0]);
    });
  });

  test('true/false and typed questions keep their order in a round; the others are reshuffled', () => {
    const moved = (type: QuestionType) =>
      [1, 2, 3, 4, 5, 6].some((seed) => shuffleForRound(questionOf(type), new SeededRandom(seed)).options.join() !== questionOf(type).options.join());
    expect(QUESTION_TYPES.filter(moved)).toEqual(['single', 'multiple', 'ordering']);
  });

  test('structure problems name what a type needs', () => {
    const broken = (type: QuestionType, change: Partial<Question>) => rulesOf(questionOf(type)).structureProblems({ ...questionOf(type), ...change });
    expect(broken('single', { correct: [0, 1] })).toEqual(['STRUCTURE: needs exactly one correct option']);
    expect(broken('truefalse', { options: ['Verdadero'] })).toEqual(['STRUCTURE: needs at least two options']);
    expect(broken('multiple', { correct: [0, 1, 2, 3] })).toEqual(['STRUCTURE: needs some, not all, options correct']);
    expect(broken('ordering', { correct: [1, 2] })).toEqual(['STRUCTURE: ordering needs every item placed']);
    expect(broken('typed', { accepted: [], options: ['x'] })).toEqual([
      'STRUCTURE: typed question without accepted answers',
      'STRUCTURE: typed question with options',
    ]);
  });

  test('multiple select counts each wrong option picked; typed counts the folded text', () => {
    expect(rulesOf(questionOf('multiple')).wrongParts(questionOf('multiple'), [0, 2, 3])).toEqual(['FreeBSD Jail', 'Sandboxie']);
    expect(rulesOf(questionOf('typed')).wrongParts(questionOf('typed'), ' KVM. ')).toEqual(['kvm']);
    expect(rulesOf(questionOf('typed')).wrongParts(questionOf('typed'), '...')).toEqual([]);
  });

  describe('reveal breakdowns', () => {
    const given = (answer: AnswerValue, correct: boolean) => ({ answer, correct });

    test('choice types count each option picked', () => {
      expect(rulesOf(questionOf('single')).reveal(questionOf('single'), [given(1, true), given(1, true), given(3, false)])).toEqual({
        options: [0, 2, 0, 1],
        typedAnswers: [],
        ordering: null,
      });
      expect(rulesOf(questionOf('multiple')).reveal(questionOf('multiple'), [given([0, 1], true), given([1, 2], false)]).options).toEqual([1, 2, 1, 0]);
      expect(rulesOf(questionOf('truefalse')).reveal(questionOf('truefalse'), [given(1, false)]).options).toEqual([0, 1]);
    });

    test('typed groups the same text however it was typed, and hides a lone wrong answer', () => {
      const typed = questionOf('typed');
      const reveal = rulesOf(typed).reveal(typed, [
        given('1999', true),
        given(' 1999.', true),
        given('2001', false),
        given('2001', false),
        given('mine', false),
      ]);
      expect(reveal).toEqual({
        options: [],
        typedAnswers: [
          { text: '1999', count: 2, correct: true },
          { text: '2001', count: 2, correct: false },
        ],
        ordering: null,
      });
    });

    test('ordering counts fully right orders and each right position', () => {
      const ordering = questionOf('ordering');
      expect(rulesOf(ordering).reveal(ordering, [given([1, 2, 0], true), given([1, 0, 2], false)])).toEqual({
        options: [],
        typedAnswers: [],
        ordering: { fullyRight: 1, answered: 2, positions: [2, 1, 1] },
      });
    });
  });
});
