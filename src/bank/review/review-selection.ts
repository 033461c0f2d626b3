import { normalizeTyped } from '../../questions/answer-matching.js';
import type { Question } from '../../questions/question.js';
import { revealsEachOther } from '../../questions/round-overlap.js';

/** A question the class did poorly on, with how poorly. */
export interface WeakItem {
  questionId: string;
  facility: number;
  /** The deck sentence (fact or term) it was built on. */
  sentence: string;
}

/** Questions on the same fact or term: built on the same deck sentence. */
function factOf(q: { source: { sentence: string }; prompt: string }): string {
  return normalizeTyped(q.source.sentence) || normalizeTyped(q.prompt);
}

/**
 * The questions of a review game: for each weak item, weakest first, another
 * question on the same fact where the bank has one (so the class meets the
 * idea again, not the same wording), else the item itself; round after round
 * until `count` are chosen or nothing new is left. A question is never chosen
 * twice, nor next to one that gives its answer away (the round composer's rule).
 */
export function selectReview(weak: readonly WeakItem[], bank: readonly Question[], count: number): Question[] {
  const ordered = [...weak].filter((w) => w.facility < 1).sort((a, b) => a.facility - b.facility || a.questionId.localeCompare(b.questionId));
  const byFact = new Map<string, Question[]>();
  for (const q of bank) byFact.set(factOf(q), [...(byFact.get(factOf(q)) ?? []), q]);
  const byId = new Map(bank.map((q) => [q.id, q]));
  const chosen = new Map<string, Question>();
  const candidates = ordered.map((w) => {
    const same = byId.get(w.questionId);
    const fact = same ? factOf(same) : normalizeTyped(w.sentence);
    const alternatives = (byFact.get(fact) ?? []).filter((q) => q.id !== w.questionId);
    // Alternatives first; the very question only when nothing else asks about its fact.
    return same ? [...alternatives, same] : alternatives;
  });
  for (let progress = true; progress && chosen.size < count;) {
    progress = false;
    for (const list of candidates) {
      if (chosen.size >= count) break;
      const next = list.find((q) => !chosen.has(q.id) && ![...chosen.values()].some((c) => revealsEachOther(c, q)));
      if (!next) continue;
      chosen.set(next.id, next);
      progress = true;
    }
  }
  return [...chosen.values()];
}
