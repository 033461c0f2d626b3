import type { NumericFact } from '../parser/facts.js';
import type { Question } from '../question.js';
import { makeQuestion, type GeneratorContext } from './generator-context.js';

/** "En ___, VMware fue la primera…" → 1999, typed and matched tolerantly (ranges in any usual form). */
export function numberQuestions(ctx: GeneratorContext): Question[] {
  return ctx.facts.numbers
    .filter((fact) => fact.askable)
    .map((fact) => {
      const sentence = fact.ref.sentence;
      return makeQuestion(ctx, 'typed-number', sentence, {
        type: 'typed',
        prompt: ctx.t.fillNumber(sentence.replace(fact.value, ctx.t.blank)),
        options: [],
        correct: [],
        accepted: acceptedForms(fact),
        explanation: ctx.t.explainFrom(sentence),
        ref: fact.ref,
        difficulty: 3,
      });
    });
}

/** The forms a student may type; ranges ("20 y 30", "20%-30%") are matched by answer-matching. */
function acceptedForms(fact: NumericFact): string[] {
  const forms = [fact.value];
  const range = fact.value.match(/\d+(?:[.,]\d+)?/g) ?? [];
  if (range.length === 2) forms.unshift(`${range[0]}-${range[1]}${fact.value.endsWith('%') ? '%' : ''}`);
  if (fact.value.endsWith('%')) forms.push(fact.value.replace(/\s*%$/, ''));
  if (fact.year !== null && fact.value.length === 2) forms.push(String(fact.year), `${fact.value}s`, `${fact.year}s`);
  return [...new Set(forms)];
}

/** History milestones in order; every figure is blanked so the order is not given away. */
export function orderingQuestions(ctx: GeneratorContext): Question[] {
  const dated = ctx.facts.numbers.filter((n): n is NumericFact & { year: number } => n.year !== null && n.standalone);
  const years = new Set(dated.map((n) => n.year));
  const chronological = [...dated].sort((a, b) => a.year - b.year);
  const [earliest] = chronological;
  if (!earliest || dated.length < 3 || years.size !== dated.length) return [];
  // "a mediados de los 60." → "a mediados de los …", not "…." (the ellipsis ends the sentence).
  const items = chronological.map((n) => n.ref.sentence.replace(/\b(1[5-9]\d\d|20\d\d|\d0)\b/g, '…').replace(/…\.$/, '…'));
  const shown = [...items].sort((a, b) => a.localeCompare(b));
  return [
    makeQuestion(ctx, 'ordering-history', items.join('|'), {
      type: 'ordering',
      prompt: ctx.t.orderHistory(),
      options: shown,
      correct: items.map((i) => shown.indexOf(i)),
      explanation: chronological.map((n) => `${n.year}: ${n.ref.sentence}`).join(' '),
      ref: earliest.ref,
      difficulty: 3,
    }),
  ];
}
