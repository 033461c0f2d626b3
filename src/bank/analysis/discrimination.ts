/**
 * The two discrimination measures of classical item analysis, over one item's
 * observations: the item score (1 right, 0 wrong or unanswered) and the
 * player's score on the rest of the game (0–1).
 */
export interface Observation {
  score: 0 | 1;
  rest: number;
}

/** Share of each extreme group: Kelley's 27 %. */
export const EXTREME_GROUP = 0.27;

/**
 * Facility of the upper 27 % (by rest score) minus that of the lower 27 %.
 * Where the group boundary cuts through players with the same rest score,
 * those players count with their group's average, so the index never depends
 * on the order ties happen to be listed in.
 */
export function upperLowerIndex(observations: readonly Observation[]): number | null {
  if (observations.length < 2) return null;
  const size = Math.max(1, Math.round(EXTREME_GROUP * observations.length));
  const ties = tieGroups(observations);
  return groupMean(ties, size) - groupMean([...ties].reverse(), size);
}

/** Observations grouped by equal rest score, highest first. */
function tieGroups(observations: readonly Observation[]): Observation[][] {
  const byRest = new Map<number, Observation[]>();
  for (const o of observations) byRest.set(o.rest, [...(byRest.get(o.rest) ?? []), o]);
  return [...byRest.entries()].sort((a, b) => b[0] - a[0]).map(([, group]) => group);
}

function groupMean(ties: Observation[][], size: number): number {
  let left = size;
  let sum = 0;
  for (const group of ties) {
    const taken = Math.min(left, group.length);
    sum += taken * (group.reduce((s, o) => s + o.score, 0) / group.length);
    left -= taken;
    if (left === 0) break;
  }
  return sum / size;
}

/**
 * r_pb = (M1 − M0) / s · √(p·q): M1 and M0 the mean rest scores of those who
 * got the item right and wrong, s the (population) standard deviation of all
 * rest scores, p the facility. Null when everyone got it right, or wrong, or
 * the rest scores do not vary.
 */
export function pointBiserial(observations: readonly Observation[]): number | null {
  const n = observations.length;
  const right = observations.filter((o) => o.score === 1);
  const wrong = observations.filter((o) => o.score === 0);
  if (right.length === 0 || wrong.length === 0) return null;
  const mean = (list: readonly Observation[]) => list.reduce((s, o) => s + o.rest, 0) / list.length;
  const all = mean(observations);
  const sd = Math.sqrt(observations.reduce((s, o) => s + (o.rest - all) ** 2, 0) / n);
  if (sd === 0) return null;
  const p = right.length / n;
  return ((mean(right) - mean(wrong)) / sd) * Math.sqrt(p * (1 - p));
}
