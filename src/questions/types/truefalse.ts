import { oneRightOptionRules } from './choice-rules.js';
import type { QuestionTypeRules } from './question-type-rules.js';

/**
 * A statement to judge: options are true and false in that order, the answer is an index.
 * Rounds never shuffle it: true before false on every phone, players read the statement, not the layout.
 */
export const trueFalseRules: QuestionTypeRules<'truefalse'> = oneRightOptionRules<'truefalse'>((q) => q);
