import type { SeededRandom } from '../../common/seeded-random.js';
import type { AnswerValue, Question, QuestionType } from '../question.js';
import { multipleRules } from './multiple.js';
import { orderingRules } from './ordering.js';
import type { AnswerKeyOf, QuestionTypeRules } from './question-type-rules.js';
import { singleRules } from './single.js';
import { trueFalseRules } from './truefalse.js';
import { typedRules } from './typed.js';

export type {
  AnswerKeyOf,
  GivenAnswer,
  OrderingBreakdown,
  QuestionTypeRules,
  RevealBreakdown,
  StructureFinding,
  TypedAnswerCount,
} from './question-type-rules.js';

/**
 * The registry of question types: one entry per type in QUESTION_TYPES, each
 * typed for its own variant. A type without an entry is a compile error here.
 */
export const QUESTION_TYPE_RULES: { readonly [T in QuestionType]: QuestionTypeRules<T> } = {
  single: singleRules,
  multiple: multipleRules,
  truefalse: trueFalseRules,
  typed: typedRules,
  ordering: orderingRules,
};

/**
 * The rules for a question's own type. Callers hold a union (`Question`,
 * `HistoryQuestion`), so the entry is widened to take any type: sound because
 * each call passes the very question whose `type` chose the entry.
 */
export function rulesOf(q: { type: QuestionType }): QuestionTypeRules<QuestionType> {
  return QUESTION_TYPE_RULES[q.type] as QuestionTypeRules<QuestionType>;
}

/** Whether `answer` has the shape the question type expects (not whether it is right). */
export function isWellFormed(q: AnswerKeyOf<QuestionType>, answer: AnswerValue): boolean {
  return rulesOf(q).isWellFormed(q, answer);
}

/** Exact grading: all-or-nothing for multiple select and ordering. Assumes a well-formed answer. */
export function isCorrectAnswer(q: AnswerKeyOf<QuestionType>, answer: AnswerValue): boolean {
  return rulesOf(q).isCorrect(q, answer);
}

/** A recorded answer as text a teacher can read ('' when there is none). */
export function answerText(q: AnswerKeyOf<QuestionType>, answer: AnswerValue | undefined): string {
  return answer === undefined ? '' : rulesOf(q).answerText(q, answer);
}

export function rightAnswerText(q: AnswerKeyOf<QuestionType>): string {
  return rulesOf(q).rightAnswerText(q);
}

/** The question with its options in a round's random order (the answer key follows them). */
export function shuffleForRound(q: Question, random: SeededRandom): Question {
  return rulesOf(q).shuffle(q, random);
}
