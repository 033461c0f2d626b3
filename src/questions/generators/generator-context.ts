import { createHash } from 'node:crypto';
import { SeededRandom } from '../../common/seeded-random.js';
import type { DeckFacts } from '../parser/facts.js';
import type { Language, SourceRef } from '../parser/outline.js';
import type { Question, QuestionType } from '../question.js';
import { qualityProblems } from '../question-quality.js';
import { TEMPLATES, type Templates } from '../templates.js';

export interface GeneratorContext {
  deckId: string;
  language: Language;
  facts: DeckFacts;
  t: Templates;
}

export function generatorContext(deckId: string, language: Language, facts: DeckFacts): GeneratorContext {
  return { deckId, language, facts, t: TEMPLATES[language] };
}

export interface Draft {
  type: QuestionType;
  prompt: string;
  options: string[];
  correct: number[];
  accepted?: string[];
  explanation: string;
  ref: SourceRef;
  difficulty: number;
}

/** Ids hash the deck, the generator and what the question is about: rebuilding a deck keeps them. */
export function makeQuestion(ctx: GeneratorContext, kind: string, key: string, draft: Draft): Question {
  const id = `${ctx.deckId}-${createHash('sha256').update(`${kind}\u0000${key}`).digest('hex').slice(0, 12)}`;
  return {
    id,
    kind,
    type: draft.type,
    prompt: draft.prompt,
    options: draft.options,
    correct: draft.correct,
    accepted: draft.accepted ?? [],
    explanation: draft.explanation,
    source: { section: draft.ref.section.label, slide: draft.ref.slide, sentence: draft.ref.sentence },
    tags: [draft.ref.section.label],
    difficulty: draft.difficulty,
  };
}

/** "¿Verdadero o falso? <statement>": true is easy, a plausible false one is harder. */
export function trueFalseQuestion(
  ctx: GeneratorContext,
  kind: string,
  key: string,
  statement: string,
  truth: boolean,
  explanation: string,
  ref: SourceRef,
): Question {
  return makeQuestion(ctx, kind, key, {
    type: 'truefalse',
    prompt: ctx.t.trueFalse(statement),
    options: [...ctx.t.trueFalseOptions],
    correct: [truth ? 0 : 1],
    explanation,
    ref,
    difficulty: truth ? 1 : 2,
  });
}

/** Picks distractors the same way every build, so ids and options stay stable. */
export function stablePick<T>(key: string, items: readonly T[], count: number): T[] {
  return new SeededRandom(key).pick(items, count);
}

/** Builds a single-choice draft from the right option and its distractors (order fixed by key). */
export function choice(key: string, right: string, wrong: string[]): { options: string[]; correct: number[] } {
  const options = new SeededRandom(`order:${key}`).shuffle([right, ...wrong]);
  return { options, correct: [options.indexOf(right)] };
}

/** How many distractor draws a generator tries before giving a question up. */
const DRAWS = 8;

/**
 * Builds a choice question from the right answer and a pool of distractors,
 * drawing again (with another seed) while the result breaks a rubric rule
 * that a different draw can avoid (a length or format outlier, a near-copy).
 * When no draw passes, the last one is returned: the bank drops it and
 * reports why.
 */
export function drawChoice(
  ctx: GeneratorContext,
  kind: string,
  key: string,
  right: string,
  pool: readonly string[],
  count: number,
  build: (options: { options: string[]; correct: number[] }) => Omit<Draft, 'options' | 'correct' | 'type'>,
): Question | null {
  const candidates = [...new Set(pool)].filter((p) => p !== right);
  if (candidates.length === 0) return null;
  let last: Question | null = null;
  for (let attempt = 0; attempt < DRAWS; attempt++) {
    const seed = attempt === 0 ? key : `${key}#${attempt}`;
    const options = choice(seed, right, stablePick(seed, candidates, count));
    last = makeQuestion(ctx, kind, key, { type: 'single', ...options, ...build(options) });
    if (qualityProblems(last, ctx.language).length === 0) return last;
    if (candidates.length <= count) break;
  }
  return last;
}
