import type { GameState, PlayerState } from './game-state.js';

/** One collator for every sort: `localeCompare` builds one per call, which dominated sorting a big class. */
const byName = new Intl.Collator();

export interface RankedPlayer {
  playerId: string;
  nickname: string;
  score: number;
  correctCount: number;
  streak: number;
  bestStreak: number;
  rank: number;
  previousRank: number | null;
  /** Points earned on the question last revealed (0 while a question is open: points are secret until the reveal). */
  roundPoints: number;
}

/**
 * A podium place as each phone gets it at the podium: who, the score and the
 * correct answers it shows. The same podium goes to every phone in the
 * class, so it carries no more than the phone shows (the host's podium is
 * whole RankedPlayers).
 */
export interface PodiumEntry {
  playerId: string;
  nickname: string;
  score: number;
  correctCount: number;
  rank: number;
}

export function podiumEntry(p: RankedPlayer): PodiumEntry {
  return { playerId: p.playerId, nickname: p.nickname, score: p.score, correctCount: p.correctCount, rank: p.rank };
}

/** The nearest player with more points, or a sole leader's margin over the next score (see PlayerResultView). */
export interface Gap {
  ahead: { nickname: string; score: number } | null;
  leadBy: number | null;
}

/**
 * The class in ranking order, computed once per roster (`standingsVersion`):
 * scores change only at a reveal and the roster only at a join or a removal,
 * and each of those moves the version on. It is derived, so it is kept beside
 * the state (per state object) rather than in it: nothing is journaled or
 * stored for it, and a state read back from a store sorts once on first use.
 */
interface Standings {
  version: number;
  /** Players in play (not kicked), best first: by score, then correct answers, then name. */
  order: PlayerState[];
  /**
   * Each player's position in `order`, built on first use: only a lookup of one player (a snapshot's gap) needs it,
   * and filling a map of 10,000 ids was a fifth of a reveal's ranking.
   */
  position: Map<string, number> | null;
  /** Rank by position: equal scores share the rank of the first of them ("1, 2, 2, 4"). */
  rank: Int32Array;
}

const standingsOf = new WeakMap<GameState, Standings>();

/** The roster or the scores changed: the next ranking sorts again. */
export function rosterChanged(game: GameState): void {
  game.standingsVersion = (game.standingsVersion ?? 0) + 1;
}

/** Drops the ranking kept for this state object (its players were replaced wholesale, as a journal replay does). */
export function forgetStandings(game: GameState): void {
  standingsOf.delete(game);
  ordinalsOf.delete(game);
}

/**
 * Every player's id in the collator's order of their nicknames, kept sorted
 * as players join (a binary search, O(log N) comparisons per join), so a
 * reveal sorts by numbers only: comparing names with the collator was most of
 * sorting a class of 10,000, tens of milliseconds in the reveal's turn. Kept
 * beside the state like the standings; a state without it (read back from a
 * store) sorts the names once. Ids of players who left stay in it, unused.
 */
const namesOf = new WeakMap<GameState, string[]>();

/**
 * A player joined: their name takes its place in the name order (after any
 * name the collator finds equal, as a stable sort would). The order starts
 * with a game's first player; a state read back from a store with players
 * already in it gets its order at the next ranking instead (one sort there,
 * not on every join of a state another instance keeps replacing).
 */
export function playerNamed(game: GameState, player: PlayerState): void {
  const ids = namesOf.get(game);
  ordinalsOf.delete(game);
  if (!ids) {
    if (game.activeCount <= 1) namesOf.set(game, [player.id]);
    return;
  }
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const other = game.players[ids[mid] ?? '']?.nickname;
    if (other === undefined || byName.compare(other, player.nickname) <= 0) low = mid + 1;
    else high = mid;
  }
  ids.splice(low, 0, player.id);
}

/**
 * Each id's place in the name order, kept until the order changes (a join):
 * during a game nobody joins between reveals, so a reveal reuses it instead
 * of building a map of the whole class again.
 */
const ordinalsOf = new WeakMap<GameState, Map<string, number>>();

/** Each player's place in the name order; rebuilt (one collator sort) when it does not cover everyone. */
function nameOrdinals(game: GameState, players: readonly PlayerState[]): Map<string, number> {
  const kept = namesOf.get(game);
  if (kept) {
    const ordinals = new Map(kept.map((id, i) => [id, i]));
    if (players.every((p) => ordinals.has(p.id))) {
      ordinalsOf.set(game, ordinals);
      return ordinals;
    }
  }
  const ids = Object.values(game.players)
    .sort((a, b) => byName.compare(a.nickname, b.nickname))
    .map((p) => p.id);
  namesOf.set(game, ids);
  const ordinals = new Map(ids.map((id, i) => [id, i]));
  ordinalsOf.set(game, ordinals);
  return ordinals;
}

/** Each player with their place in the name order, or null if `ordinals` misses one of them. */
function keyedByName(players: readonly PlayerState[], ordinals: Map<string, number>): Array<{ p: PlayerState; name: number }> | null {
  const keyed: Array<{ p: PlayerState; name: number }> = [];
  for (const p of players) {
    const name = ordinals.get(p.id);
    if (name === undefined) return null;
    keyed.push({ p, name });
  }
  return keyed;
}

function standings(game: GameState): Standings {
  const version = game.standingsVersion ?? 0;
  const cached = standingsOf.get(game);
  if (cached?.version === version) return cached;
  const inPlay = Object.values(game.players).filter((p) => !p.kicked);
  // The ordinals kept since the last join serve while they cover everyone (checked on the way, not in a pass of its own).
  const kept = ordinalsOf.get(game);
  const keyed = (kept && keyedByName(inPlay, kept)) ?? keyedByName(inPlay, nameOrdinals(game, inPlay));
  if (!keyed) throw new Error(`The name order of game ${game.id} misses a player it was just built from`);
  keyed.sort((a, b) => b.p.score - a.p.score || b.p.correctCount - a.p.correctCount || a.name - b.name);
  const order = keyed.map((k) => k.p);
  const rank = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    rank[i] = i > 0 && order[i - 1]?.score === order[i]?.score ? (rank[i - 1] ?? 0) : i + 1;
  }
  const fresh: Standings = { version, order, position: null, rank };
  standingsOf.set(game, fresh);
  return fresh;
}

/**
 * Players by score, then correct answers; equal scores share a rank
 * ("1, 2, 2, 4"), so a tie never looks like a loss. Kicked players are out.
 * Sorted once per roster; `limit` builds only the first entries.
 */
export function rankPlayers(game: GameState, limit = Number.POSITIVE_INFINITY): RankedPlayer[] {
  const { order, rank } = standings(game);
  const ranked: RankedPlayer[] = [];
  for (let i = 0; i < order.length && i < limit; i++) {
    const p = order[i];
    if (p) ranked.push(toRanked(game, p, rank[i] ?? i + 1));
  }
  return ranked;
}

/**
 * Calls `visit` with every ranked player in ranking order, with their rank
 * and the gap to the player ahead: what a reveal needs per player, read from
 * the standings without building a RankedPlayer for each.
 */
export function forEachStanding(game: GameState, visit: (player: PlayerState, rank: number, gap: Gap) => void): void {
  const { order, rank } = standings(game);
  const next = order[1];
  for (let i = 0; i < order.length; i++) {
    const p = order[i];
    if (!p) continue;
    const myRank = rank[i] ?? i + 1;
    visit(p, myRank, gapAt(order, myRank, i, p, next));
  }
}

/** How many players are ranked (not kicked). */
export function rankedCount(game: GameState): number {
  return standings(game).order.length;
}

/**
 * The gap to the player ahead, in O(1) from the standings: `ahead` is the
 * last (in ranking order) of the players with the next higher score; a player
 * alone at the top leads by the margin over the next score. A player not
 * ranked (kicked) has no gap.
 */
export function gapOf(game: GameState, playerId: string): Gap {
  const kept = standings(game);
  const { order, rank } = kept;
  kept.position ??= new Map(order.map((p, i) => [p.id, i]));
  const i = kept.position.get(playerId);
  const me = i === undefined ? undefined : order[i];
  if (i === undefined || !me) return { ahead: null, leadBy: null };
  return gapAt(order, rank[i] ?? i + 1, i, me, order[1]);
}

/** The gap of the player at position `i` of `order`, whose rank is `myRank`; `next` is the second in the order. */
function gapAt(order: readonly PlayerState[], myRank: number, i: number, me: PlayerState, next: PlayerState | undefined): Gap {
  // myRank - 1 is the position of the first player with my score; the one before it has the next higher score.
  const above = order[myRank - 2];
  if (above) return { ahead: { nickname: above.nickname, score: above.score }, leadBy: null };
  const alone = i === 0 && (next === undefined || next.score < me.score);
  return { ahead: null, leadBy: alone && next ? me.score - next.score : null };
}

/** The players ranked 3rd or better at the last reveal (`rank` as stored), in ranking order, at most `max`. */
export function podiumOf(game: GameState, max: number): RankedPlayer[] {
  const podium: RankedPlayer[] = [];
  // Along the ranking order the stored ranks only grow (they were assigned from it; joiners come last, at the newcomers' rank).
  for (const p of standings(game).order) {
    if (p.rank > 3) break;
    podium.push(toRanked(game, p, p.rank));
  }
  return podium.sort((a, b) => a.rank - b.rank).slice(0, max);
}

function roundPointsOf(game: GameState, playerId: string): number {
  const revealed = game.phase === 'reveal' || game.phase === 'leaderboard' || game.phase === 'podium' || game.phase === 'ended';
  return revealed && game.index >= 0 ? (game.answers[game.index]?.[playerId]?.points ?? 0) : 0;
}

function toRanked(game: GameState, p: PlayerState, rank: number): RankedPlayer {
  return {
    playerId: p.id,
    nickname: p.nickname,
    score: p.score,
    correctCount: p.correctCount,
    streak: p.streak,
    bestStreak: p.bestStreak,
    rank,
    previousRank: p.previousRank,
    roundPoints: roundPointsOf(game, p.id),
  };
}

/**
 * One player's standing as of the last reveal: scores only change at a
 * reveal, which ranks everyone once (`storeRanks`), so a join or a resume
 * looks the rank up instead of counting the class.
 */
export function rankOf(game: GameState, playerId: string): RankedPlayer {
  const me = game.players[playerId];
  if (!me) throw new Error(`No player ${playerId} in game ${game.id}`);
  return toRanked(game, me, me.rank);
}

/**
 * Keeps each player's new rank (and the one before) after a reveal.
 * Before the first reveal everyone is tied at 0: there is no earlier standing to move from.
 */
export function storeRanks(game: GameState): void {
  rosterChanged(game);
  // Straight from the standings: a reveal of 10,000 builds no RankedPlayer objects just to copy ranks out of them.
  const { order, rank } = standings(game);
  let newcomerRank = order.length + 1;
  for (let i = 0; i < order.length; i++) {
    const player = order[i];
    if (!player) continue;
    const newRank = rank[i] ?? i + 1;
    player.previousRank = game.index > 0 ? player.rank : null;
    player.rank = newRank;
    if (player.score <= 0 && newRank < newcomerRank) newcomerRank = newRank;
  }
  game.newcomerRank = newcomerRank;
}
