import { describe, expect, test } from '@jest/globals';
import type { Question } from '../../questions/question.js';
import { selectReview } from './review-selection.js';

function q(id: string, sentence: string, prompt = `Prompt ${id}`, options = [`right ${id}`, `wrong ${id}`]): Question {
  return {
    id,
    kind: 'k',
    type: 'single',
    prompt,
    options,
    correct: [0],
    accepted: [],
    explanation: `Because ${id}`,
    source: { section: '1. S', slide: '', sentence },
    tags: [],
    difficulty: 1,
  };
}

describe('review selection', () => {
  const bank = [q('a1', 'Fact A'), q('a2', 'Fact A'), q('a3', 'fact a.'), q('b1', 'Fact B'), q('c1', 'Fact C'), q('c2', 'Fact C')];

  test('weakest first, another question on the same fact before the one the class missed', () => {
    const weak = [
      { questionId: 'c1', facility: 0.6, sentence: 'Fact C' },
      { questionId: 'a1', facility: 0.2, sentence: 'Fact A' },
      { questionId: 'b1', facility: 0.4, sentence: 'Fact B' },
    ];
    expect(selectReview(weak, bank, 3).map((x) => x.id)).toEqual(['a2', 'b1', 'c2']);
    // Round two: more of fact A, then the missed C question itself; B has nothing new.
    expect(selectReview(weak, bank, 10).map((x) => x.id)).toEqual(['a2', 'b1', 'c2', 'a3', 'c1', 'a1']);
  });

  test('questions everyone got right are not reviewed; an excluded question is replaced by its siblings', () => {
    const weak = [
      { questionId: 'b1', facility: 1, sentence: 'Fact B' },
      { questionId: 'gone', facility: 0.1, sentence: 'Fact C' },
    ];
    expect(selectReview(weak, bank, 5).map((x) => x.id)).toEqual(['c1', 'c2']);
    expect(selectReview([{ questionId: 'b1', facility: 1, sentence: 'Fact B' }], bank, 5)).toEqual([]);
  });

  test('never two questions where one gives the other away, as the round composer requires', () => {
    const asksType = q('x1', 'Fact X', '¿Qué tipo de virtualización es «Xen»?', ['Nativa', 'Emulada']);
    const showsIt = q('x2', 'Fact Y', 'Ejemplos de «Nativa»: ¿cuál es uno?', ['Xen', 'QEMU']);
    const weak = [
      { questionId: 'x1', facility: 0.1, sentence: 'Fact X' },
      { questionId: 'x2', facility: 0.2, sentence: 'Fact Y' },
    ];
    expect(selectReview(weak, [asksType, showsIt], 5).map((x) => x.id)).toEqual(['x1']);
  });
});
