import type { Trait } from '../parser/facts.js';
import type { Question } from '../question.js';
import { familyOf } from '../templates.js';
import { drawChoice, trueFalseQuestion, type GeneratorContext } from './generator-context.js';

const DISTRACTORS = 3;

/**
 * Questions on what the deck says about a term beyond its definition:
 * trait → term ("¿A qué tipo de virtualización corresponde esta
 * característica?"), which-is-a-trait-of-X, and the trait as a true
 * statement. Lists of exactly two terms are asked as compare-two instead.
 */
export function traitQuestions(ctx: GeneratorContext): Question[] {
  const out: Question[] = [];
  for (const trait of ctx.facts.traits) {
    const siblings = siblingTerms(ctx, trait);
    const explanation = ctx.t.explainDefinition(trait.term, trait.text);
    if (siblings.length >= 2) {
      const family = familyOf(trait.ref.section.title, ctx.language);
      const toTerm = drawChoice(ctx, 'trait-term', `${trait.term}:${trait.text}`, trait.term, siblings, DISTRACTORS, () => ({
        prompt: ctx.t.traitToTerm(trait.text, family),
        explanation,
        ref: trait.ref,
        difficulty: 2,
      }));
      if (toTerm) out.push(toTerm);
      const others = siblingStatements(ctx, trait);
      if (others.length >= 2) {
        const of = drawChoice(ctx, 'trait-of', `${trait.term}:${trait.text}`, trait.text, others, DISTRACTORS, () => ({
          prompt: ctx.t.traitOf(trait.term),
          explanation,
          ref: trait.ref,
          difficulty: 2,
        }));
        if (of) out.push(of);
      }
    }
    {
      out.push(trueFalseQuestion(ctx, 'truefalse-trait', `true:${trait.term}:${trait.text}`, ctx.t.isDefinedAs(trait.term, trait.text), true, explanation, trait.ref));
    }
  }
  return out;
}

/** The other terms of the trait's list. */
function siblingTerms(ctx: GeneratorContext, trait: Trait): string[] {
  const terms = [...ctx.facts.definitions, ...ctx.facts.traits].filter((f) => f.group === trait.group).map((f) => f.term);
  return [...new Set(terms)].filter((t) => t !== trait.term);
}

/** What the deck says about the sibling terms (definitions and traits), never about this term. */
function siblingStatements(ctx: GeneratorContext, trait: Trait): string[] {
  const own = new Set([...ctx.facts.definitions.filter((d) => d.term === trait.term).map((d) => d.definition), ...ctx.facts.traits.filter((t) => t.term === trait.term).map((t) => t.text)]);
  const others = [
    ...ctx.facts.definitions.filter((d) => d.group === trait.group && d.term !== trait.term).map((d) => d.definition),
    ...ctx.facts.traits.filter((t) => t.group === trait.group && t.term !== trait.term).map((t) => t.text),
  ];
  return [...new Set(others)].filter((s) => !own.has(s));
}
