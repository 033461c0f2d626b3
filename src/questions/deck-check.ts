import type { Deck } from './deck.js';
import { isOpenQuestionSection } from './parser/facts.js';
import { languageOf, questionProblems, ruleOf, type RubricRule } from './question-quality.js';
import type { Question } from './question.js';
import { stemsOf } from './text/stemming.js';

/**
 * What makes a deck unfit to play: a question that breaks a rule, two
 * questions that ask the same thing, a numbered section that yields
 * nothing, a closing open-questions section with no curated answers, or no
 * questions at all. Generated candidates that were dropped are reported by
 * the bank as warnings, not here.
 */
export function deckProblems(deck: Deck): string[] {
  const problems: string[] = [];
  if (deck.questions.length === 0) problems.push('the deck yields no questions');
  for (const section of deck.sections) {
    const open = isOpenQuestionSection(section.label.replace(/^\d+\.?\s*/, ''));
    if (section.questionCount > 0) continue;
    problems.push(
      open
        ? `section "${section.label}" holds open questions for the class but no curated answers (<deck>.curated.json)`
        : `section "${section.label}" yields no questions`,
    );
  }
  const ids = new Set<string>();
  for (const q of deck.questions) {
    if (ids.has(q.id)) problems.push(`question ${q.id}: duplicate id`);
    ids.add(q.id);
    const found = questionProblems(q);
    if (found.length) problems.push(`question ${q.id}: ${found.join('; ')}`);
  }
  for (const [a, b] of duplicatePairs(deck.questions)) problems.push(`question ${b.id}: DUPLICATE: asks what ${a.id} asks`);
  return problems;
}

/** The rubric rules code can detect; WRONG, AMBIGUOUS and TRIVIAL need a reader (the reviewed bank). */
export const CODE_RULES = ['GIVEAWAY', 'BAD-DISTRACTOR', 'LANGUAGE', 'DUPLICATE'] as const satisfies readonly RubricRule[];
type CodeRule = (typeof CODE_RULES)[number];

/**
 * Counts per rubric rule that code can detect: in the bank as built (should
 * be all zero) and among the generated candidates dropped on the way.
 */
export function rubricCounts(deck: Deck): { inBank: Record<CodeRule, number>; dropped: Record<CodeRule, number> } {
  const zero = () => Object.fromEntries(CODE_RULES.map((r) => [r, 0])) as Record<CodeRule, number>;
  const inBank = zero();
  const dropped = zero();
  const count = (into: Record<CodeRule, number>, findings: string[]) => {
    for (const rule of new Set(findings.map(ruleOf))) if (rule in into) into[rule as CodeRule]++;
  };
  for (const q of deck.questions) count(inBank, questionProblems(q));
  inBank.DUPLICATE += duplicatePairs(deck.questions).length;
  for (const w of deck.warnings) count(dropped, w.problem.split('; '));
  return { inBank, dropped };
}

/**
 * Two questions of the same type that ask the same thing and want the same
 * answer: every meaningful word of one prompt is in the other, and one right
 * answer contains the other. A curated "Sobre VirtualBox: ¿qué tipo de
 * virtualización realiza?" duplicates the generated "¿Qué tipo de
 * virtualización es «VirtualBox»?". A question and its inverse (definition →
 * term, term → definition) are not duplicates: they never share a round.
 */
export function duplicatePairs(questions: readonly Question[]): [Question, Question][] {
  const keyed = questions.map((q) => ({ q, prompt: new Set(stemsOf(q.prompt, languageOf(q))), answer: new Set(stemsOf(answerText(q), languageOf(q))) }));
  const within = (a: Set<string>, b: Set<string>) => [...a].every((s) => b.has(s));
  const pairs: [Question, Question][] = [];
  for (const [i, a] of keyed.entries()) {
    for (const b of keyed.slice(i + 1)) {
      if (a.q.type !== b.q.type || a.q.type === 'truefalse' || a.q.type === 'ordering') continue;
      const [small, large] = a.prompt.size <= b.prompt.size ? [a, b] : [b, a];
      if (small.prompt.size < 2 || small.answer.size === 0 || large.answer.size === 0) continue;
      const sameAnswer = within(a.answer, b.answer) || within(b.answer, a.answer);
      if (sameAnswer && within(small.prompt, large.prompt)) pairs.push([a.q, b.q]);
    }
  }
  return pairs;
}

function answerText(q: Question): string {
  return q.type === 'typed' ? q.accepted.join(' ') : q.correct.map((i) => q.options[i]).join(' ');
}
