import { SeededRandom } from '../common/seeded-random.js';
import { GameError } from '../common/game-error.js';
import type { Question, QuestionType } from './question.js';
import { revealsEachOther } from './round-overlap.js';
import { shuffleForRound } from './types/index.js';

export interface RoundRequest {
  count: number;
  sections?: string[];
  types?: QuestionType[];
  seed: number;
}

/** No kind of question may fill more than this share of a round, when the selection allows it. */
export const MAX_KIND_SHARE = 0.4;

/**
 * Picks distinct questions spread over the chosen sections (round robin over
 * shuffled sections) and over kinds (none above MAX_KIND_SHARE of the round
 * unless the selection leaves nothing else), never two questions where one
 * gives the other away; then shuffles each question's options as its type
 * allows (QUESTION_TYPE_RULES). The same seed always gives the same round.
 */
export function composeRound(bank: readonly Question[], request: RoundRequest): Question[] {
  const random = new SeededRandom(request.seed);
  const eligible = bank.filter(
    (q) =>
      (!request.sections?.length || request.sections.some((s) => q.tags.includes(s) || q.source.section === s)) &&
      (!request.types?.length || request.types.includes(q.type)),
  );
  if (eligible.length < request.count) {
    throw new GameError('NOT_ENOUGH_QUESTIONS', `Only ${eligible.length} questions match that selection; asked for ${request.count}.`);
  }
  const bySection = new Map<string, Question[]>();
  for (const q of eligible) bySection.set(q.source.section, [...(bySection.get(q.source.section) ?? []), q]);
  const order = random.shuffle([...bySection.values()]).map((queue) => random.shuffle(queue));
  const kindCap = Math.max(1, Math.floor(MAX_KIND_SHARE * request.count));
  const picked = pick(order, request.count, kindCap) ?? pick(order, request.count, Infinity);
  if (!picked) {
    throw new GameError(
      'NOT_ENOUGH_QUESTIONS',
      `Only ${pick(order, Infinity, Infinity)?.length ?? 0} questions of that selection can share a round without one giving another away; asked for ${request.count}.`,
    );
  }
  return random.shuffle(picked).map((q) => shuffleForRound(q, random));
}

/** Round robin over the section queues; null when the round cannot be filled under these limits. */
function pick(queues: Question[][], count: number, kindCap: number): Question[] | null {
  const remaining = queues.map((q) => [...q]);
  const picked: Question[] = [];
  const perKind = new Map<string, number>();
  const fits = (q: Question) => (perKind.get(q.kind) ?? 0) < kindCap && picked.every((p) => !revealsEachOther(p, q));
  let progress = true;
  while (picked.length < count && progress) {
    progress = false;
    for (const queue of remaining) {
      if (picked.length >= count) break;
      const next = queue.find(fits);
      if (!next) continue;
      queue.splice(queue.indexOf(next), 1);
      picked.push(next);
      perKind.set(next.kind, (perKind.get(next.kind) ?? 0) + 1);
      progress = true;
    }
  }
  return picked.length === count || count === Infinity ? picked : null;
}
