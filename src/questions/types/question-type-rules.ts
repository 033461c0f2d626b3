import type { SeededRandom } from '../../common/seeded-random.js';
import type { AnswerValue, QuestionOf, QuestionType } from '../question.js';

/**
 * What grading, reports and views need of a question: its type and answer key.
 * A live `Question` and a `HistoryQuestion` both fit, so one rule serves the game and its history.
 */
export interface AnswerKeyOf<T extends QuestionType> {
  type: T;
  options: readonly string[];
  correct: readonly number[];
  accepted: readonly string[];
}

/** A well-formedness problem, in the wording of docs/question-quality.md. */
export type StructureFinding = `STRUCTURE: ${string}`;

/** A recorded answer as the reveal counts it. */
export interface GivenAnswer {
  answer: AnswerValue;
  correct: boolean;
}

/** A typed answer given by several players, or a right one: never a lone student's own wrong text. */
export interface TypedAnswerCount {
  text: string;
  count: number;
  correct: boolean;
}

/** How the class ordered: fully right orders, and per position how many put the right item there. */
export interface OrderingBreakdown {
  fullyRight: number;
  answered: number;
  positions: number[];
}

/** The type's own part of the reveal (docs/protocol.md `RevealView`); the fields a type does not use stay empty. */
export interface RevealBreakdown {
  /** How many players chose each option (choice types); empty otherwise. */
  options: number[];
  /** Typed questions: the most common answers; empty otherwise. */
  typedAnswers: TypedAnswerCount[];
  /** Ordering questions; null otherwise. */
  ordering: OrderingBreakdown | null;
}

/**
 * Everything the server knows about one question type. Its entry in
 * QUESTION_TYPE_RULES is the only server code a new type has to add:
 * the engine, round composer, quality checks, history and CLI call these.
 * Functions are pure (the engine calls them inside its transitions).
 */
export interface QuestionTypeRules<T extends QuestionType> {
  /** Whether an answer has the shape this type takes (not whether it is right); the engine answers INVALID_ANSWER otherwise. */
  isWellFormed(q: AnswerKeyOf<T>, answer: AnswerValue): boolean;
  /** Exact grading of a well-formed answer. */
  isCorrect(q: AnswerKeyOf<T>, answer: AnswerValue): boolean;
  /** The question as a round shows it: options reshuffled with `correct` remapped, or as it is. */
  shuffle(q: QuestionOf<T>, random: SeededRandom): QuestionOf<T>;
  /** "STRUCTURE: …" findings that make a question of this type unplayable (docs/question-quality.md). */
  structureProblems(q: AnswerKeyOf<T>): StructureFinding[];
  /** A recorded answer as text a teacher reads (history CSV and XLSX, student report). */
  answerText(q: AnswerKeyOf<T>, answer: AnswerValue): string;
  /** What a wrong answer counts toward the class's most common mistake (history report): wrong options picked, folded text, the order given. */
  wrongParts(q: AnswerKeyOf<T>, answer: AnswerValue): string[];
  /** The right answer as the same kind of text. */
  rightAnswerText(q: AnswerKeyOf<T>): string;
  /** The answer key as Markdown lines (the questions CLI's listings). */
  keyLines(q: AnswerKeyOf<T>): string[];
  /** This type's part of the reveal, from every recorded answer to the question. */
  reveal(q: AnswerKeyOf<T>, answers: readonly GivenAnswer[]): RevealBreakdown;
}
