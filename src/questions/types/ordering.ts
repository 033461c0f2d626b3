import { isIndexList, optionsText, shuffleOptions } from './choice-rules.js';
import type { GivenAnswer, OrderingBreakdown, QuestionTypeRules } from './question-type-rules.js';

/** How many orders were fully right, and per position how many put the right item there. */
function orderingBreakdown(correctOrder: readonly number[], answers: readonly GivenAnswer[]): OrderingBreakdown {
  const positions = correctOrder.map(() => 0);
  for (const { answer } of answers) {
    if (!Array.isArray(answer)) continue;
    correctOrder.forEach((item, i) => {
      if (answer[i] === item) positions[i] = (positions[i] ?? 0) + 1;
    });
  }
  return { fullyRight: answers.filter((a) => a.correct).length, answered: answers.length, positions };
}

/** Put the items in order: the answer lists every option index once, first place first. */
export const orderingRules: QuestionTypeRules<'ordering'> = {
  isWellFormed: (q, answer) => isIndexList(q, answer) && answer.length === q.options.length,
  isCorrect: (q, answer) => Array.isArray(answer) && answer.every((v, i) => v === q.correct[i]),
  shuffle: (q, random) => shuffleOptions(q, random, false),
  structureProblems: (q) => (q.options.length < 3 || q.correct.length !== q.options.length ? ['STRUCTURE: ordering needs every item placed'] : []),
  answerText: (q, answer) => optionsText(q, answer, ' → '),
  // The whole order is the mistake: one wrong swap moves two items.
  wrongParts: (q, answer) => [optionsText(q, answer, ' → ')],
  rightAnswerText: (q) => optionsText(q, [...q.correct], ' → '),
  keyLines: (q) => q.correct.map((i, n) => `${n + 1}. ${q.options[i] ?? ''}`),
  reveal: (q, answers) => ({ options: [], typedAnswers: [], ordering: orderingBreakdown(q.correct, answers) }),
};
