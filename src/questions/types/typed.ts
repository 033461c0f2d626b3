import { matchesTyped, normalizeTyped } from '../answer-matching.js';
import { optionsText } from './choice-rules.js';
import type { GivenAnswer, QuestionTypeRules, StructureFinding, TypedAnswerCount } from './question-type-rules.js';

/** The host's screen shows at most this many typed answers. */
export const TYPED_SHOWN = 5;

/** Answers grouped by their normalized text, most given first; a wrong text only when several typed it. */
function typedAnswers(answers: readonly GivenAnswer[]): TypedAnswerCount[] {
  const groups = new Map<string, TypedAnswerCount>();
  for (const a of answers) {
    const key = normalizeTyped(String(a.answer));
    const group = groups.get(key) ?? { text: String(a.answer).trim(), count: 0, correct: a.correct };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.correct || g.count >= 2)
    .sort((a, b) => b.count - a.count || Number(b.correct) - Number(a.correct))
    .slice(0, TYPED_SHOWN);
}

/** Free text, matched tolerantly (normalizeTyped, one typo in long words, ranges) against `accepted`. */
export const typedRules: QuestionTypeRules<'typed'> = {
  isWellFormed: (_q, answer) => typeof answer === 'string',
  isCorrect: (q, answer) => typeof answer === 'string' && matchesTyped(answer, q.accepted),
  shuffle: (q) => q,
  structureProblems: (q) => {
    const problems: StructureFinding[] = [];
    if (q.accepted.length === 0) problems.push('STRUCTURE: typed question without accepted answers');
    if (q.options.length > 0) problems.push('STRUCTURE: typed question with options');
    return problems;
  },
  answerText: (q, answer) => optionsText(q, answer, '; '),
  // Folded, so "KVM" and "kvm." count as one mistake; an answer of only punctuation counts as none.
  wrongParts: (_q, answer) => [normalizeTyped(String(answer))].filter(Boolean),
  rightAnswerText: (q) => q.accepted[0] ?? '',
  keyLines: (q) => [`- Accepted: ${q.accepted.map((a) => `\`${a}\``).join(', ')}`],
  reveal: (_q, answers) => ({ options: [], typedAnswers: typedAnswers(answers), ordering: null }),
};
