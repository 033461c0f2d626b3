import type { Contrast, ContrastClaim } from '../parser/facts.js';
import { otherSide } from '../parser/fact-types.js';
import type { Question } from '../question.js';
import { distance } from 'fastest-levenshtein';
import { stemsOf } from '../text/stemming.js';
import { choice, makeQuestion, trueFalseQuestion, type GeneratorContext } from './generator-context.js';

/**
 * Two siblings the deck sets against each other (Tipo I / Tipo II, "A versus
 * B"): "¿a cuál de los dos corresponde …?" with both as the options, and
 * the claim as a true statement about its holder and a false one about the other side.
 */
export function contrastQuestions(ctx: GeneratorContext): Question[] {
  const out: Question[] = [];
  for (const contrast of ctx.facts.contrasts) {
    for (const claim of contrast.claims) {
      const other = otherSide(contrast.sides, claim.holder);
      const explanation = explain(ctx, claim, other);
      const prompt = claim.nature === 'advantage' ? ctx.t.advantageOfTwo(claim.text) : ctx.t.whichOfTwo(claim.text);
      if (!claim.namesHolder) {
        const options = choice(`two:${claim.text}`, claim.holder, [other]);
        out.push(
          makeQuestion(ctx, 'compare-two', `${claim.holder}:${claim.text}`, { type: 'single', prompt, ...options, explanation, ref: claim.ref, difficulty: 2 }),
        );
      }
      out.push(...claimTrueFalse(ctx, contrast, claim, other, explanation));
    }
  }
  return out;
}

function claimTrueFalse(ctx: GeneratorContext, contrast: Contrast, claim: ContrastClaim, other: string, explanation: string): Question[] {
  const kind = 'truefalse-compare';
  const key = `${contrast.sides.join('|')}:${claim.text}`;
  if (claim.namesHolder) {
    const truth = trueFalseQuestion(ctx, kind, `true:${key}`, claim.text, true, explanation, claim.ref);
    return claim.mirrored ? [truth, trueFalseQuestion(ctx, kind, `false:${key}`, claim.mirrored, false, explanation, claim.ref)] : [truth];
  }
  if (claim.nature === 'advantage') {
    const truth = trueFalseQuestion(ctx, kind, `true:${key}`, ctx.t.advantageOver(claim.holder, other, claim.text), true, explanation, claim.ref);
    // "… que normalmente no están soportadas en el hypervisor" said as an advantage of the hypervisor: nobody would believe it.
    if (namesSide(ctx, claim.text, other, claim.holder)) return [truth];
    return [truth, trueFalseQuestion(ctx, kind, `false:${key}`, ctx.t.advantageOver(other, claim.holder, claim.text), false, explanation, claim.ref)];
  }
  // A trait of one of two siblings: false when said of the other one (definitions are asked by truefalse-definition).
  if (ctx.facts.definitions.some((d) => d.term === claim.holder && d.definition === claim.text)) return [];
  return [trueFalseQuestion(ctx, kind, `false:${key}`, ctx.t.isDefinedAs(other, claim.text), false, explanation, claim.ref)];
}

/** The claim mentions a word of `side`'s name that `rival`'s name does not have. */
function namesSide(ctx: GeneratorContext, text: string, side: string, rival: string): boolean {
  const claim = stemsOf(text, ctx.language);
  const rivalStems = new Set(stemsOf(rival, ctx.language));
  return stemsOf(side, ctx.language)
    .filter((s) => !rivalStems.has(s))
    .some((s) => claim.some((c) => c === s || (c.length >= 6 && s.length >= 6 && distance(c, s) <= 1)));
}

function explain(ctx: GeneratorContext, claim: ContrastClaim, other: string): string {
  if (claim.nature === 'advantage') return ctx.t.advantageOver(claim.holder, other, claim.text);
  return claim.namesHolder ? ctx.t.explainFrom(claim.text) : ctx.t.explainDefinition(claim.holder, claim.text);
}
