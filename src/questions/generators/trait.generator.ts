import type { Trait } from '../parser/facts.js';
import type { Question } from '../question.js';
import { familyOf } from '../templates.js';
import { isClause } from '../text/standalone.js';
import { stemsOf } from '../text/stemming.js';
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
    const explanation = ctx.t.explainDefinition(trait.term, trait.text);
    // Siblings whose name or statements resemble the trait ("No permite varias instancias de sistemas
    // operativos invitados" and "Virtualización a nivel del sistema operativo") could be defended as
    // right too: they are never offered as wrong answers for it.
    const siblings = siblingTerms(ctx, trait).filter((s) => !resembles(ctx, trait, s));
    if (siblings.length >= 2) {
      const family = familyOf(trait.ref.section.title, ctx.language);
      const toTerm = drawChoice(ctx, 'trait-term', `${trait.term}:${trait.text}`, trait.term, siblings, DISTRACTORS, () => ({
        prompt: ctx.t.traitToTerm(trait.text, family),
        explanation,
        ref: trait.ref,
        difficulty: 2,
      }));
      if (toTerm) out.push(toTerm);
      const others = siblingDefinitions(ctx, trait, new Set(siblings));
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
    out.push(
      trueFalseQuestion(ctx, 'truefalse-trait', `true:${trait.term}:${trait.text}`, ctx.t.isDefinedAs(trait.term, trait.text), true, explanation, trait.ref),
    );
  }
  return out;
}

/** The other terms of the trait's list. */
function siblingTerms(ctx: GeneratorContext, trait: Trait): string[] {
  const terms = [...ctx.facts.definitions, ...ctx.facts.traits].filter((f) => f.group === trait.group).map((f) => f.term);
  return [...new Set(terms)].filter((t) => t !== trait.term);
}

/**
 * The definitions of the given siblings: what makes each sibling itself, so
 * none can be defended as also true of this term (a sibling's loose trait could).
 * When the trait says something ("Es el núcleo de …"), glosses that only name
 * a thing ("Máquina que posee …") are left out: the one statement among them
 * would be the answer by its shape.
 */
function siblingDefinitions(ctx: GeneratorContext, trait: Trait, siblings: Set<string>): string[] {
  const own = new Set(ctx.facts.traits.filter((t) => t.term === trait.term).map((t) => t.text));
  const sameShape = (s: string) => !isClause(trait.text, ctx.language) || isClause(s, ctx.language);
  const others = ctx.facts.definitions.filter((d) => d.group === trait.group && siblings.has(d.term)).map((d) => d.definition);
  return [...new Set(others)].filter((s) => !own.has(s) && sameShape(s));
}

/**
 * Whether `sibling` (its name, definition and traits) shares two meaningful
 * words with the trait, not counting the trait's own term and the words most
 * statements of the list use ("virtualización" in a list of kinds of virtualization).
 */
function resembles(ctx: GeneratorContext, trait: Trait, sibling: string): boolean {
  const stems = (text: string) => new Set(stemsOf(text, ctx.language));
  const statements = [...ctx.facts.definitions.map((d) => ({ term: d.term, text: d.definition, group: d.group })), ...ctx.facts.traits].filter(
    (f) => f.group === trait.group,
  );
  const frequency = new Map<string, number>();
  for (const f of statements) for (const s of stems(f.text)) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  const common = (s: string) => (frequency.get(s) ?? 0) * 2 > statements.length;
  const ownName = stems(trait.term);
  const own = [...stems(trait.text)].filter((s) => !ownName.has(s) && !common(s));
  const theirs = stems([sibling, ...statements.filter((f) => f.term === sibling).map((f) => f.text)].join(' '));
  return own.filter((s) => theirs.has(s)).length >= 2;
}
