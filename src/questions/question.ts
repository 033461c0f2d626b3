/**
 * The question model shared by the question bank and the live game.
 *
 * Answers are positions in `options`, so a round can shuffle options without
 * touching the answer: `correct` always points into the options as shown.
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

export interface Question {
  /** Stable across rebuilds of the same deck. */
  id: string;
  /** Which generator (or "curated") produced it, e.g. "definition-term". */
  kind: string;
  type: QuestionType;
  prompt: string;
  /**
   * single/multiple/truefalse: the choices; ordering: the items in the order
   * shown to players; typed: empty.
   */
  options: string[];
  /**
   * single/truefalse: one index; multiple: every correct index (ascending);
   * ordering: option indices in the right order; typed: empty.
   */
  correct: number[];
  /** typed only: every accepted answer (matched tolerantly). */
  accepted: string[];
  explanation: string;
  source: QuestionSource;
  tags: string[];
  /** 1 (easy) to 3 (hard). */
  difficulty: number;
}

/** What a player may send as an answer. Its shape must fit the question type. */
export type AnswerValue = number | number[] | string;
