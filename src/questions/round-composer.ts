import { SeededRandom } from '../common/seeded-random.js';
import { GameError } from '../game/engine/game-error.js';
import type { Question, QuestionType } from './question.js';

export interface RoundRequest {
  count: number;
  sections?: string[];
  types?: QuestionType[];
  seed: number;
}

/**
 * Picks distinct questions spread evenly over the chosen sections (round
 * robin over shuffled sections), then shuffles each question's options.
 * The same seed always gives the same round.
 */
export function composeRound(bank: readonly Question[], request: RoundRequest): Question[] {
  const random = new SeededRandom(request.seed);
  const eligible = bank.filter(
    (q) =>
      (!request.sections?.length || request.sections.some((s) => q.tags.includes(s) || q.source.section === s)) &&
      (!request.types?.length || request.types.includes(q.type)),
  );
  if (eligible.length < request.count) {
    throw new GameError(
      'NOT_ENOUGH_QUESTIONS',
      `Only ${eligible.length} questions match that selection; asked for ${request.count}.`,
    );
  }
  const bySection = new Map<string, Question[]>();
  for (const q of eligible) bySection.set(q.source.section, [...(bySection.get(q.source.section) ?? []), q]);
  const queues = random.shuffle([...bySection.keys()]).map((s) => random.shuffle(bySection.get(s)!));
  const picked: Question[] = [];
  while (picked.length < request.count) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && picked.length < request.count) picked.push(next);
    }
  }
  return random.shuffle(picked).map((q) => shuffleOptions(q, random));
}

/** True/false keeps its natural order; everything else is reshuffled with its answer remapped. */
function shuffleOptions(q: Question, random: SeededRandom): Question {
  if (q.type === 'truefalse' || q.type === 'typed') return q;
  const order = random.shuffle(q.options.map((_, i) => i));
  const newIndex = new Map(order.map((oldIndex, position) => [oldIndex, position]));
  const correct = q.correct.map((i) => newIndex.get(i)!);
  return {
    ...q,
    options: order.map((i) => q.options[i]),
    correct: q.type === 'multiple' ? correct.sort((a, b) => a - b) : correct,
  };
}
