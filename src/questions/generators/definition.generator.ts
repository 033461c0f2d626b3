import type { Definition } from '../parser/facts.js';
import type { Question } from '../question.js';
import { drawChoice, makeQuestion, stablePick, trueFalseQuestion, type GeneratorContext } from './generator-context.js';

const DISTRACTORS = 3;
/** A choice question needs two wrong options; a term with fewer siblings is asked as true/false or compare-two. */
const MIN_SIBLINGS = 2;

/** Terms of the same list (same topic of the same section): the only plausible wrong answers. */
function siblings(all: Definition[], d: Definition): Definition[] {
  return all.filter((o) => o.group === d.group && o.term !== d.term && o.definition !== d.definition);
}

export function definitionQuestions(ctx: GeneratorContext): Question[] {
  const { definitions } = ctx.facts;
  const out: Question[] = [];
  for (const d of definitions) {
    const pool = siblings(definitions, d);
    const explanation = ctx.t.explainDefinition(d.term, d.definition);
    if (pool.length >= MIN_SIBLINGS) {
      const toTerm = drawChoice(
        ctx,
        'definition-term',
        d.term,
        d.term,
        pool.map((w) => w.term),
        DISTRACTORS,
        () => ({
          prompt: ctx.t.termForDefinition(d.definition),
          explanation,
          ref: d.ref,
          difficulty: 2,
        }),
      );
      const toDefinition = drawChoice(
        ctx,
        'term-definition',
        d.term,
        d.definition,
        pool.map((w) => w.definition),
        DISTRACTORS,
        () => ({
          prompt: ctx.t.definitionOfTerm(d.term),
          explanation,
          ref: d.ref,
          difficulty: 2,
        }),
      );
      for (const q of [toTerm, toDefinition]) if (q) out.push(q);
    }
    if (pool.length === 0) {
      const typed = typedTerm(ctx, d, explanation);
      if (typed) out.push(typed);
    }
    out.push(...definitionTrueFalse(ctx, d, pool));
  }
  return out;
}

/** One true statement, and one false one that pairs the term with a sibling's definition (a different sibling per term). */
function definitionTrueFalse(ctx: GeneratorContext, d: Definition, pool: Definition[]): Question[] {
  const explanation = ctx.t.explainDefinition(d.term, d.definition);
  const statement = (definition: string) => ctx.t.isDefinedAs(d.term, definition);
  const kind = 'truefalse-definition';
  const out = [trueFalseQuestion(ctx, kind, `true:${d.term}`, statement(d.definition), true, explanation, d.ref)];
  const [swap] = stablePick(`tf:${d.term}`, pool, 1);
  if (swap) out.push(trueFalseQuestion(ctx, kind, `false:${d.term}:${swap.term}`, statement(swap.definition), false, explanation, d.ref));
  return out;
}

/**
 * A term the deck sets against nothing else (the deck's own subject, a lone
 * concept) cannot be asked with sibling options: the student types it.
 * Every name the deck gives it is accepted ("Anfitrión o host" → "anfitrión", "host").
 */
function typedTerm(ctx: GeneratorContext, d: Definition, explanation: string): Question | null {
  const names = d.term
    .split(/\s+(?:o|or)\s+|\s*[()]\s*/)
    .map((n) => n.trim())
    .filter((n) => n.length >= 2);
  if (names.length === 0 || names.some((n) => n.split(/\s+/).length > 4)) return null;
  return makeQuestion(ctx, 'typed-term', d.term, {
    type: 'typed',
    prompt: ctx.t.typeTerm(d.definition),
    options: [],
    correct: [],
    accepted: [...new Set([d.term, ...names])],
    explanation,
    ref: d.ref,
    difficulty: 3,
  });
}
