import type { Question } from '../question.js';
import { makeQuestion, type GeneratorContext } from './generator-context.js';

/** "En ___, VMware fue la primera…" → 1999, typed and matched tolerantly. */
export function numberQuestions(ctx: GeneratorContext): Question[] {
  return ctx.facts.numbers.map((fact) => {
    const sentence = fact.ref.sentence;
    const cloze = sentence.replace(fact.value, ctx.t.blank);
    const accepted = [fact.value];
    if (fact.value.endsWith('%')) accepted.push(fact.value.replace(/\s*%$/, ''));
    if (fact.year !== null && fact.value.length === 2) accepted.push(String(fact.year));
    return makeQuestion(ctx, 'typed-number', sentence, {
      type: 'typed',
      prompt: ctx.t.fillNumber(cloze),
      options: [],
      correct: [],
      accepted,
      explanation: ctx.t.explainFrom(sentence),
      ref: fact.ref,
      difficulty: 3,
    });
  });
}

/** History milestones in order; the dates themselves are blanked so the order is not given away. */
export function orderingQuestions(ctx: GeneratorContext): Question[] {
  const dated = ctx.facts.numbers.filter((n) => n.year !== null);
  const years = new Set(dated.map((n) => n.year));
  if (dated.length < 3 || years.size !== dated.length) return [];
  const chronological = [...dated].sort((a, b) => a.year! - b.year!);
  const items = chronological.map((n) => n.ref.sentence.replace(n.value, '…'));
  const shown = [...items].sort((a, b) => a.localeCompare(b));
  const first = chronological[0];
  return [
    makeQuestion(ctx, 'ordering-history', items.join('|'), {
      type: 'ordering',
      prompt: ctx.t.orderHistory(),
      options: shown,
      correct: items.map((i) => shown.indexOf(i)),
      explanation: chronological.map((n) => `${n.year}: ${n.ref.sentence}`).join(' '),
      ref: first.ref,
      difficulty: 3,
    }),
  ];
}
