import type { SeededRandom } from '../../common/seeded-random.js';
import type { AnswerValue, Question } from '../question.js';
import type { AnswerKeyOf, GivenAnswer, QuestionTypeRules, RevealBreakdown, StructureFinding } from './question-type-rules.js';

/** Building blocks shared by the types whose answers are positions in `options`. */

type AnyKey = AnswerKeyOf<Question['type']>;

export function isOptionIndex(q: AnyKey, value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < q.options.length;
}

/** Distinct option indices, each in range. */
export function isIndexList(q: AnyKey, value: AnswerValue): value is number[] {
  return Array.isArray(value) && value.every((i) => isOptionIndex(q, i)) && new Set(value).size === value.length;
}

/** One index, or a list of them, as the options' text; `separator` joins a list. Tolerant: an unknown index reads as ''. */
export function optionsText(q: AnyKey, answer: AnswerValue, separator: string): string {
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'number') return q.options[answer] ?? '';
  return answer.map((i) => q.options[i] ?? '').join(separator);
}

/** The options a wrong answer picked that are not right (a single index or a list). */
export function wrongOptions(q: AnyKey, answer: AnswerValue): string[] {
  if (typeof answer === 'string') return [];
  return ([] as number[])
    .concat(answer)
    .filter((i) => !q.correct.includes(i))
    .flatMap((i) => q.options[i] ?? []);
}

/** How many players chose each option; a list answer counts once per option in it. */
export function choiceCounts(q: AnyKey, answers: readonly GivenAnswer[]): RevealBreakdown {
  const counts = q.options.map(() => 0);
  for (const { answer } of answers) {
    for (const choice of typeof answer === 'string' ? [] : ([] as number[]).concat(answer)) {
      if (choice in counts) counts[choice] = (counts[choice] ?? 0) + 1;
    }
  }
  return { options: counts, typedAnswers: [], ordering: null };
}

/** Options in a new random order with `correct` following them; `sortCorrect` keeps a set of indices ascending. */
export function shuffleOptions<Q extends Question>(q: Q, random: SeededRandom, sortCorrect: boolean): Q {
  const order = random.shuffle(q.options.map((_, i) => i));
  const newIndex = new Map(order.map((oldIndex, position) => [oldIndex, position]));
  const correct = q.correct.map((i) => newIndex.get(i) ?? i);
  return { ...q, options: order.map((i) => q.options[i] ?? ''), correct: sortCorrect ? correct.sort((a, b) => a - b) : correct };
}

/** The options as a checklist: "- **✓** right" / "- ✗ wrong". */
export function checklistLines(q: AnyKey): string[] {
  return q.options.map((o, i) => `- ${q.correct.includes(i) ? '**✓**' : '✗'} ${o}`);
}

/** Exactly one right option among at least two. */
export function oneRightOptionProblems(q: AnyKey): StructureFinding[] {
  const problems: StructureFinding[] = [];
  if (q.correct.length !== 1) problems.push('STRUCTURE: needs exactly one correct option');
  if (q.options.length < 2) problems.push('STRUCTURE: needs at least two options');
  return problems;
}

/**
 * The rules of a question with one right option (single choice, true/false): the answer is an
 * option's index. Only how a round shows the options differs, so each type passes its shuffle.
 */
export function oneRightOptionRules<T extends 'single' | 'truefalse'>(shuffle: QuestionTypeRules<T>['shuffle']): QuestionTypeRules<T> {
  return {
    isWellFormed: (q, answer) => isOptionIndex(q, answer),
    isCorrect: (q, answer) => answer === q.correct[0],
    shuffle,
    structureProblems: oneRightOptionProblems,
    answerText: (q, answer) => optionsText(q, answer, '; '),
    wrongParts: wrongOptions,
    rightAnswerText: (q) => q.options[q.correct[0] ?? -1] ?? '',
    keyLines: checklistLines,
    reveal: choiceCounts,
  };
}
