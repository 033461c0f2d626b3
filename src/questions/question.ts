/**
 * The question model shared by the question bank and the live game.
 *
 * Answers are positions in `options`, so a round can shuffle options without
 * touching the answer: `correct` always points into the options as shown.
 *
 * `Question` is a union discriminated by `type`; what each type does (checks,
 * grading, shuffling, answer text, reveal) lives in its entry of
 * `QUESTION_TYPE_RULES` (src/questions/types/). Every type keeps all three
 * answer fields (`options`, `correct`, `accepted`), unused ones empty, so the
 * stored JSON (banks, review fingerprints, history, exports) has one shape.
 */
export const QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'typed', 'ordering'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface QuestionSource {
  /** Numbered deck section, e.g. "7. Tipos de Hypervisor". */
  section: string;
  /** Slide title the question came from, e.g. "Tipos de Hypervisor (II)". */
  slide: string;
  /** The deck sentence the question is built on. */
  sentence: string;
}

/** The stored shape of every question, with its type left open (parsers and validators work on this). */
export interface QuestionFields {
  /** Stable across rebuilds of the same deck. */
  id: string;
  /** Which generator (or "curated") produced it, e.g. "definition-term". */
  kind: string;
  type: QuestionType;
  prompt: string;
  /** The choices, or for ordering the items in the order shown to players; empty for typed. */
  options: string[];
  /** Indices into `options`: see each type below; empty for typed. */
  correct: number[];
  /** Typed only: every accepted answer (matched tolerantly); empty for the other types. */
  accepted: string[];
  explanation: string;
  source: QuestionSource;
  tags: string[];
  /** 1 (easy) to 3 (hard). */
  difficulty: number;
}

/** One right option among several; `correct` holds its index. */
export interface SingleQuestion extends QuestionFields {
  type: 'single';
}

/** Select every right option; `correct` holds their indices in ascending order, graded all-or-nothing. */
export interface MultipleQuestion extends QuestionFields {
  type: 'multiple';
}

/** Two options in their natural order (true, false); `correct` holds the right one's index. */
export interface TrueFalseQuestion extends QuestionFields {
  type: 'truefalse';
}

/** Free text matched tolerantly against `accepted`; `options` and `correct` are empty. */
export interface TypedQuestion extends QuestionFields {
  type: 'typed';
}

/** Put `options` in order; `correct` lists option indices in the right order. */
export interface OrderingQuestion extends QuestionFields {
  type: 'ordering';
}

export type Question = SingleQuestion | MultipleQuestion | TrueFalseQuestion | TypedQuestion | OrderingQuestion;

/** The question variant of one type, e.g. `QuestionOf<'typed'>` is `TypedQuestion`. */
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** A type listed in QUESTION_TYPES without its variant in `Question` fails here. */
export const everyTypeHasAVariant: [Exclude<QuestionType, Question['type']>] extends [never] ? true : never = true;

/** What a player may send as an answer. Its shape must fit the question type. */
export type AnswerValue = number | number[] | string;
