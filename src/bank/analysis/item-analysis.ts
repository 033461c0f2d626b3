import type { HistoryQuestion, HistoryRecord } from '../../history/history-record.js';
import { pointBiserial, upperLowerIndex, type Observation } from './discrimination.js';
import { flagsOf, type ItemFlag } from './item-flags.js';

export interface OptionShare {
  option: string;
  /** Players who chose it (for multiple select: who ticked it). */
  count: number;
  share: number;
  correct: boolean;
}

export interface ItemStats {
  questionId: string;
  /** Players asked the question (a player who did not answer counts as wrong, as in Moodle). */
  responses: number;
  games: number;
  facility: number | null;
  discrimination: number | null;
  pointBiserial: number | null;
  meanResponseMs: number | null;
  options: OptionShare[];
  flags: ItemFlag[];
}

/** What the analysis needs of a bank question: its options as the bank shows them, and when it last changed. */
export interface ItemReference {
  type: HistoryQuestion['type'];
  options: string[];
  correct: number[];
  changedAt: number;
}

interface Tally {
  questionId: string;
  games: number;
  observations: Observation[];
  times: number[];
  chosen: Map<string, number>;
  latest: HistoryQuestion;
}

const CHOICE_TYPES = new Set(['single', 'multiple', 'truefalse']);

/**
 * Classical item analysis over finished games (see docs/item-analysis.md):
 * per question, facility, discrimination (upper − lower 27 % and
 * point-biserial against the rest of each game), mean response time and the
 * share of each option. Games that ended before a question's last change are
 * left out of its figures: they measured another question.
 */
export function analyzeItems(records: readonly HistoryRecord[], references: ReadonlyMap<string, ItemReference> = new Map()): ItemStats[] {
  const tallies = new Map<string, Tally>();
  for (const record of [...records].sort((a, b) => a.endedAt - b.endedAt)) {
    const players = record.leaderboard.map((p) => p.playerId);
    const rightCount = new Map(players.map((id) => [id, 0]));
    for (const q of record.questions) {
      for (const a of q.answers) {
        const count = rightCount.get(a.playerId);
        if (a.correct && count !== undefined) rightCount.set(a.playerId, count + 1);
      }
    }
    const others = record.questions.length - 1;
    for (const q of record.questions) {
      if (record.endedAt < (references.get(q.questionId)?.changedAt ?? 0)) continue;
      const tally: Tally = tallies.get(q.questionId) ?? { questionId: q.questionId, games: 0, observations: [], times: [], chosen: new Map(), latest: q };
      tally.games += 1;
      tally.latest = q;
      const byPlayer = new Map(q.answers.map((a) => [a.playerId, a]));
      for (const playerId of players) {
        const answer = byPlayer.get(playerId);
        const score: 0 | 1 = answer?.correct ? 1 : 0;
        tally.observations.push({ score, rest: others > 0 ? ((rightCount.get(playerId) ?? 0) - score) / others : 0 });
        if (!answer) continue;
        tally.times.push(answer.responseMs);
        if (CHOICE_TYPES.has(q.type)) for (const option of chosenOptions(q, answer.answer)) tally.chosen.set(option, (tally.chosen.get(option) ?? 0) + 1);
      }
      tallies.set(q.questionId, tally);
    }
  }
  return [...tallies.values()].map((t) => statsOf(t, references.get(t.questionId)));
}

function chosenOptions(q: HistoryQuestion, answer: unknown): string[] {
  const indices = Array.isArray(answer) ? answer : [answer];
  return indices.flatMap((i: unknown) => (typeof i === 'number' ? (q.options[i] ?? []) : []));
}

function statsOf(t: Tally, reference: ItemReference | undefined): ItemStats {
  const n = t.observations.length;
  const facility = n ? t.observations.filter((o) => o.score === 1).length / n : null;
  const shown = reference ?? t.latest;
  const options = CHOICE_TYPES.has(shown.type)
    ? shown.options.map((option, i) => {
        const count = t.chosen.get(option) ?? 0;
        return { option, count, share: n ? count / n : 0, correct: shown.correct.includes(i) };
      })
    : [];
  const stats = {
    questionId: t.questionId,
    responses: n,
    games: t.games,
    facility,
    discrimination: upperLowerIndex(t.observations),
    pointBiserial: pointBiserial(t.observations),
    meanResponseMs: t.times.length ? Math.round(t.times.reduce((s, x) => s + x, 0) / t.times.length) : null,
    options,
  };
  return { ...stats, flags: flagsOf(stats, shown.type) };
}
