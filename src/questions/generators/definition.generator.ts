import type { Definition } from '../parser/facts.js';
import type { Question } from '../question.js';
import { choice, makeQuestion, stablePick, trueFalseQuestion, type GeneratorContext } from './generator-context.js';

const DISTRACTORS = 3;

/** Same section first: sibling terms make plausible wrong answers. */
function siblings(all: Definition[], d: Definition): Definition[] {
  const others = all.filter((o) => o.term !== d.term && o.definition !== d.definition);
  const near = others.filter((o) => o.ref.section === d.ref.section);
  return near.length >= DISTRACTORS ? near : others;
}

export function definitionQuestions(ctx: GeneratorContext): Question[] {
  const { definitions } = ctx.facts;
  const out: Question[] = [];
  for (const d of definitions) {
    const pool = siblings(definitions, d);
    if (pool.length < 1) continue;
    const wrong = stablePick(`dt:${d.term}`, pool, DISTRACTORS);
    const explanation = ctx.t.explainDefinition(d.term, d.definition);
    const toTerm = choice(`dt:${d.term}`, d.term, wrong.map((w) => w.term));
    out.push(
      makeQuestion(ctx, 'definition-term', d.term, {
        type: 'single',
        prompt: ctx.t.termForDefinition(d.definition),
        ...toTerm,
        explanation,
        ref: d.ref,
        difficulty: 2,
      }),
    );
    const toDefinition = choice(`td:${d.term}`, d.definition, wrong.map((w) => w.definition));
    out.push(
      makeQuestion(ctx, 'term-definition', d.term, {
        type: 'single',
        prompt: ctx.t.definitionOfTerm(d.term),
        ...toDefinition,
        explanation,
        ref: d.ref,
        difficulty: 2,
      }),
    );
    out.push(...definitionTrueFalse(ctx, d, wrong[0]));
  }
  return out;
}

/** One true statement, and one false one that pairs the term with a sibling's definition. */
function definitionTrueFalse(ctx: GeneratorContext, d: Definition, swap: Definition | undefined): Question[] {
  const explanation = ctx.t.explainDefinition(d.term, d.definition);
  const statement = (definition: string) => ctx.t.isDefinedAs(d.term, definition);
  const kind = 'truefalse-definition';
  const out = [trueFalseQuestion(ctx, kind, `true:${d.term}`, statement(d.definition), true, explanation, d.ref)];
  if (swap) out.push(trueFalseQuestion(ctx, kind, `false:${d.term}:${swap.term}`, statement(swap.definition), false, explanation, d.ref));
  return out;
}
