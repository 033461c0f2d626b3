import type { EndReason } from '../game/engine/index.js';
import type { HistoryRecord } from './history-record.js';

/** One line of the history list. */
export interface HistorySummary {
  gameId: string;
  deckId: string;
  deckTitle: string;
  startedAt: number;
  endedAt: number;
  endReason: EndReason;
  playerCount: number;
  questionCount: number;
  winner: { nickname: string; score: number } | null;
  /** Mean of the questions' correct rates, 0–1. */
  averageCorrectRate: number;
}

export function summarizeRecord(record: HistoryRecord): HistorySummary {
  const first = record.leaderboard[0];
  const rates = record.questions.map((q) => q.correctRate);
  return {
    gameId: record.gameId,
    deckId: record.deckId,
    deckTitle: record.deckTitle,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    endReason: record.endReason,
    playerCount: record.leaderboard.length,
    questionCount: record.questions.length,
    winner: first ? { nickname: first.nickname, score: first.score } : null,
    averageCorrectRate: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : 0,
  };
}

/** Newest first; ties on the end time are broken by id so pages never skip or repeat. */
export function newestFirst(a: { endedAt: number; gameId: string }, b: { endedAt: number; gameId: string }): number {
  return b.endedAt - a.endedAt || (a.gameId < b.gameId ? 1 : a.gameId > b.gameId ? -1 : 0);
}

/** Where a page ended: the next page starts strictly after it. */
export interface HistoryCursor {
  endedAt: number;
  gameId: string;
}

export function isAfter(item: HistoryCursor, cursor: HistoryCursor): boolean {
  return newestFirst(cursor, item) < 0;
}

/** A page of the history list; nextCursor fetches the next one (null on the last page). */
export interface HistoryPage {
  games: HistorySummary[];
  nextCursor: string | null;
}
