import { checklistLines, choiceCounts, isIndexList, optionsText, shuffleOptions, wrongOptions } from './choice-rules.js';
import type { QuestionTypeRules } from './question-type-rules.js';

/** Select every right option: the answer is a non-empty list of distinct indices, graded all-or-nothing. */
export const multipleRules: QuestionTypeRules<'multiple'> = {
  isWellFormed: (q, answer) => isIndexList(q, answer) && answer.length > 0,
  isCorrect: (q, answer) => {
    if (!Array.isArray(answer)) return false;
    const chosen = [...answer].sort((a, b) => a - b);
    return chosen.length === q.correct.length && chosen.every((v, i) => v === q.correct[i]);
  },
  shuffle: (q, random) => shuffleOptions(q, random, true),
  structureProblems: (q) => (q.correct.length < 1 || q.correct.length >= q.options.length ? ['STRUCTURE: needs some, not all, options correct'] : []),
  answerText: (q, answer) => optionsText(q, answer, '; '),
  wrongParts: wrongOptions,
  rightAnswerText: (q) => optionsText(q, [...q.correct], '; '),
  keyLines: checklistLines,
  reveal: choiceCounts,
};
