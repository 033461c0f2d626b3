import type { GameState, PlayerState } from './game-state.js';

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
  players.sort(
    (a, b) => b.score - a.score || b.correctCount - a.correctCount || a.nickname.localeCompare(b.nickname),
  );
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
 * One player's standing without sorting everyone: with ties sharing a rank,
 * the rank is one more than the number of players ahead. O(players), so a
 * join or a resume stays cheap in a game of thousands.
 */
export function rankOf(game: GameState, playerId: string): RankedPlayer {
  const me = game.players[playerId];
  let ahead = 0;
  for (const p of Object.values(game.players)) if (!p.kicked && p.score > me.score) ahead += 1;
  return toRanked(game, me, ahead + 1);
}
