import type { Stance, Statement } from '../parser/facts.js';
import type { Question } from '../question.js';
import { drawChoice, trueFalseQuestion, type GeneratorContext } from './generator-context.js';

const DISTRACTORS = 3;

/**
 * Where the deck lists advantages and drawbacks ("Utilidad" / "Inconvenientes",
 * "¿Ventajas?"): "¿cuál es una ventaja …?" with drawbacks as the wrong
 * options, and the other way round. Nothing is asked across owners: the
 * drawbacks of one technique are not wrong answers about another.
 */
export function stanceQuestions(ctx: GeneratorContext): Question[] {
  const out: Question[] = [];
  for (const stance of ctx.facts.stances) {
    if (stance.advantages.length && stance.drawbacks.length >= 2) out.push(...ask(ctx, stance, stance.advantages, stance.drawbacks, true));
    if (stance.drawbacks.length && stance.advantages.length >= 2) out.push(...ask(ctx, stance, stance.drawbacks, stance.advantages, false));
    if (stance.advantages.length && stance.drawbacks.length) out.push(...stanceTrueFalse(ctx, stance));
  }
  return out;
}

/**
 * "El tema presenta «X» como una ventaja": asked only as true statements, of
 * every other item. The false ones ("«Rendimiento inferior» como una
 * ventaja", "«Administración … más simple» como un inconveniente") are
 * statements nobody could believe: an advantage reads as one.
 */
function stanceTrueFalse(ctx: GeneratorContext, stance: Stance): Question[] {
  const items = [...stance.advantages.map((s) => ({ s, isAdvantage: true })), ...stance.drawbacks.map((s) => ({ s, isAdvantage: false }))];
  return items
    .filter((_, index) => index % 2 === 0)
    .map(({ s, isAdvantage }) => {
      const text = s.text.replace(/\.$/, '');
      const explanation = ctx.t.explainStance(text, isAdvantage, stance.owner);
      return trueFalseQuestion(ctx, 'truefalse-stance', `true:${stance.owner ?? ''}:${s.text}`, explanation, true, explanation, s.ref);
    });
}

function ask(ctx: GeneratorContext, stance: Stance, right: Statement[], wrong: Statement[], isAdvantage: boolean): Question[] {
  const kind = isAdvantage ? 'which-advantage' : 'which-drawback';
  const out: Question[] = [];
  for (const r of right) {
    const q = drawChoice(
      ctx,
      kind,
      `${stance.owner ?? ''}:${r.text}`,
      r.text,
      wrong.map((w) => w.text),
      DISTRACTORS,
      () => ({
        prompt: isAdvantage ? ctx.t.whichAdvantage(stance.owner) : ctx.t.whichDrawback(stance.owner),
        explanation: ctx.t.explainStance(r.text.replace(/\.$/, ''), isAdvantage, stance.owner),
        ref: r.ref,
        difficulty: 1,
      }),
    );
    if (q) out.push(q);
  }
  return out;
}
