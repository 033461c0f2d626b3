import { oneRightOptionRules, shuffleOptions } from './choice-rules.js';
import type { QuestionTypeRules } from './question-type-rules.js';

/** One right option among several: the answer is its index. */
export const singleRules: QuestionTypeRules<'single'> = oneRightOptionRules<'single'>((q, random) => shuffleOptions(q, random, false));
