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
 * Players by score, then correct answers; equal scores share a rank
 * ("1, 2, 2, 4"), so a tie never looks like a loss. Kicked players are out.
 */
export function rankPlayers(game: GameState): RankedPlayer[] {
  const players = Object.values(game.players).filter((p) => !p.kicked);
  players.sort((a, b) => b.score - a.score || b.correctCount - a.correctCount || byName.compare(a.nickname, b.nickname));
  const ranked: RankedPlayer[] = [];
  players.forEach((p, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.score === p.score ? previous.rank : i + 1;
    ranked.push(toRanked(game, p, rank));
  });
  return ranked;
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
  return toRanked(game, me, me.rank);
}

/**
 * Keeps each player's new rank (and the one before) after a reveal; returns the ranking.
 * Before the first reveal everyone is tied at 0: there is no earlier standing to move from.
 */
export function storeRanks(game: GameState): RankedPlayer[] {
  for (const p of Object.values(game.players)) if (!p.kicked) p.previousRank = game.index > 0 ? p.rank : null;
  const ranked = rankPlayers(game);
  let newcomerRank = ranked.length + 1;
  for (const entry of ranked) {
    const player = game.players[entry.playerId];
    player.rank = entry.rank;
    if (entry.score <= 0 && entry.rank < newcomerRank) newcomerRank = entry.rank;
  }
  game.newcomerRank = newcomerRank;
  return ranked;
}
