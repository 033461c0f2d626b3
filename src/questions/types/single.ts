import { checklistLines, choiceCounts, isOptionIndex, oneRightOptionProblems, optionsText, shuffleOptions, wrongOptions } from './choice-rules.js';
import type { QuestionTypeRules } from './question-type-rules.js';

/** One right option among several: the answer is its index. */
export const singleRules: QuestionTypeRules<'single'> = {
  isWellFormed: (q, answer) => isOptionIndex(q, answer),
  isCorrect: (q, answer) => answer === q.correct[0],
  shuffle: (q, random) => shuffleOptions(q, random, false),
  structureProblems: oneRightOptionProblems,
  answerText: (q, answer) => optionsText(q, answer, '; '),
  wrongParts: wrongOptions,
  rightAnswerText: (q) => q.options[q.correct[0] ?? -1] ?? '',
  keyLines: checklistLines,
  reveal: choiceCounts,
};
