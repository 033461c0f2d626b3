import type { AnswerValue, QuestionSource, QuestionType } from '../questions/question.js';
import { rankPlayers, revealView, type Distribution, type EndReason, type GameSettings, type GameState, type RankedPlayer } from '../game/engine/index.js';

/** A finished game as teachers review it later. Written once, never changed. */
export interface HistoryRecord {
  gameId: string;
  deckId: string;
  deckTitle: string;
  settings: GameSettings;
  startedAt: number;
  endedAt: number;
  endReason: EndReason;
  leaderboard: RankedPlayer[];
  questions: HistoryQuestion[];
}

export interface HistoryQuestion {
  index: number;
  questionId: string;
  type: QuestionType;
  prompt: string;
  options: string[];
  correct: number[];
  accepted: string[];
  source: QuestionSource;
  tags: string[];
  distribution: Distribution;
  correctRate: number;
  medianResponseMs: number | null;
  answers: Array<{ playerId: string; nickname: string; answer: AnswerValue; correct: boolean; points: number; responseMs: number }>;
  /**
   * Players who joined after this question was shown and did not answer it: they could not,
   * so they count neither as wrong nor as unanswered. Absent in records written before it existed.
   */
  joinedLater?: string[];
}

function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  const lower = sorted[mid - 1];
  if (upper === undefined) return null;
  return sorted.length % 2 || lower === undefined ? upper : Math.round((lower + upper) / 2);
}

/**
 * Only questions that were actually opened are part of the record.
 * `leaderboard` is the game's whole ranking when the caller already has it
 * (the podium ranks the class once for history and for `game:over`).
 */
export function buildHistoryRecord(game: GameState, leaderboard: RankedPlayer[] = rankPlayers(game)): HistoryRecord {
  const players = Object.values(game.players);
  const { startedAt, endedAt, endReason } = game;
  if (startedAt === null || endedAt === null || endReason === null) throw new Error(`game ${game.id} has not ended: it has no history record yet`);
  const questions = game.answers.flatMap((answers, index): HistoryQuestion[] => {
    const q = game.questions[index];
    // One answer map per question asked: a map past the last question has nothing to record.
    if (!q) return [];
    const list = Object.values(answers);
    const distribution = revealView(game, index).distribution;
    const askedAt = game.askedAt?.[index];
    const joinedLater = askedAt === undefined ? [] : players.filter((p) => p.joinedAt > askedAt && !answers[p.id]).map((p) => p.id);
    const asked = distribution.correct + distribution.incorrect + distribution.unanswered;
    const record: HistoryQuestion = {
      index,
      questionId: q.id,
      type: q.type,
      prompt: q.prompt,
      options: q.options,
      correct: q.correct,
      accepted: q.accepted,
      source: q.source,
      tags: q.tags,
      distribution,
      correctRate: asked ? distribution.correct / asked : 0,
      medianResponseMs: median(list.map((a) => a.responseMs)),
      answers: list.map((a) => ({
        playerId: a.playerId,
        // Players who answered stay in the game (a kicked one is only marked); the id stands in otherwise.
        nickname: game.players[a.playerId]?.nickname ?? a.playerId,
        answer: a.answer,
        correct: a.correct,
        points: a.points,
        responseMs: a.responseMs,
      })),
      joinedLater,
    };
    return [record];
  });
  return {
    gameId: game.id,
    deckId: game.settings.deckId,
    deckTitle: game.settings.deckTitle,
    settings: game.settings,
    startedAt,
    endedAt,
    endReason,
    leaderboard,
    questions,
  };
}
