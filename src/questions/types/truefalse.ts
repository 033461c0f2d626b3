import { checklistLines, choiceCounts, isOptionIndex, oneRightOptionProblems, optionsText, wrongOptions } from './choice-rules.js';
import type { QuestionTypeRules } from './question-type-rules.js';

/** A statement to judge: options are true and false in that order, the answer is an index. */
export const trueFalseRules: QuestionTypeRules<'truefalse'> = {
  isWellFormed: (q, answer) => isOptionIndex(q, answer),
  isCorrect: (q, answer) => answer === q.correct[0],
  // True before false on every phone: players read the statement, not the layout.
  shuffle: (q) => q,
  structureProblems: oneRightOptionProblems,
  answerText: (q, answer) => optionsText(q, answer, '; '),
  wrongParts: wrongOptions,
  rightAnswerText: (q) => q.options[q.correct[0] ?? -1] ?? '',
  keyLines: checklistLines,
  reveal: choiceCounts,
};
