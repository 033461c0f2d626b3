import { describe, expect, test } from '@jest/globals';
import type { Question } from '../questions/question.js';
import { applyOverlay, contentOf, playableQuestions, type OverlayEntry } from './bank-overlay.js';
import { questionFieldProblems } from './question-check.js';

const base = (id: string, kind = 'definition-term'): Question => ({
  id,
  kind,
  type: 'single',
  prompt: `¿Qué concepto se define así? ${id}`,
  options: ['Hipervisor', 'Anfitrión', 'Huésped'],
  correct: [0],
  accepted: [],
  explanation: 'Según el tema.',
  source: { section: '1. Uno', slide: 'S', sentence: `Frase ${id}` },
  tags: ['1. Uno'],
  difficulty: 2,
});

const entry = (questionId: string, over: Partial<OverlayEntry>): OverlayEntry => ({
  questionId,
  excluded: false,
  content: null,
  own: false,
  updatedAt: 5,
  editedAt: 0,
  ...over,
});

describe('the effective bank', () => {
  const deck = [base('g1'), base('g2'), base('c1', 'curated')];
  const overlay = new Map<string, OverlayEntry>([
    ['g1', entry('g1', { content: { ...contentOf(base('g1')), prompt: 'Nuevo enunciado' }, editedAt: 4 })],
    ['g2', entry('g2', { excluded: true })],
    ['own-1', entry('own-1', { own: true, content: { ...contentOf(base('x')), prompt: 'Mía' }, editedAt: 3 })],
    ['gone', entry('gone', { content: contentOf(base('gone')) })],
  ]);
  const bank = applyOverlay(deck, overlay);

  test('edits replace the content but keep id and kind; exclusions are marked; own questions follow', () => {
    expect(bank.questions.map((q) => [q.id, q.kind, q.origin, q.prompt, q.excluded, q.edited, q.changedAt])).toEqual([
      ['g1', 'definition-term', 'generated', 'Nuevo enunciado', false, true, 4],
      ['g2', 'definition-term', 'generated', base('g2').prompt, true, false, 0],
      ['c1', 'curated', 'curated', base('c1').prompt, false, false, 0],
      ['own-1', 'teacher', 'own', 'Mía', false, false, 3],
    ]);
  });

  test('an entry whose question the deck no longer generates is orphaned, not applied', () => {
    expect(bank.orphaned.map((o) => o.questionId)).toEqual(['gone']);
  });

  test('games get every question but the excluded ones, as plain questions', () => {
    const playable = playableQuestions(bank);
    expect(playable.map((q) => q.id)).toEqual(['g1', 'c1', 'own-1']);
    expect(Object.keys(playable[0]!).sort()).toEqual(Object.keys(base('g1')).sort());
  });
});

describe('the rules per field', () => {
  test('each problem is reported under the field it is about', () => {
    const sections = ['1. Uno'];
    expect(questionFieldProblems(base('ok'), sections)).toEqual({});
    expect(Object.keys(questionFieldProblems({ ...base('a'), correct: [7] }, sections))).toEqual(['correct']);
    expect(Object.keys(questionFieldProblems({ ...base('a'), options: ['A', 'a', 'B'] }, sections))).toEqual(['options']);
    expect(Object.keys(questionFieldProblems({ ...base('a'), prompt: '¿Es Hipervisor el Hipervisor?' }, sections))).toEqual(['prompt']);
    expect(
      Object.keys(questionFieldProblems({ ...base('a'), explanation: '', source: { section: '9. Otro', slide: '', sentence: '' } }, sections)).sort(),
    ).toEqual(['explanation', 'source.section']);
  });

  test('an edit that sends "source": null is a problem of its source, not a fault', () => {
    const edited = { ...base('a'), source: null } as unknown as Parameters<typeof questionFieldProblems>[0];
    expect(Object.keys(questionFieldProblems(edited, ['1. Uno']))).toEqual(['source']);
  });
});
