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
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** Only questions that were actually opened are part of the record. */
export function buildHistoryRecord(game: GameState): HistoryRecord {
  const leaderboard = rankPlayers(game);
  const questions = game.answers.map((answers, index): HistoryQuestion => {
    const q = game.questions[index];
    const list = Object.values(answers);
    const distribution = revealView(game, index).distribution;
    const askedAt = game.askedAt?.[index];
    const joinedLater = askedAt === undefined ? [] : Object.values(game.players).filter((p) => p.joinedAt > askedAt && !answers[p.id]).map((p) => p.id);
    const asked = distribution.correct + distribution.incorrect + distribution.unanswered;
    return {
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
        nickname: game.players[a.playerId].nickname,
        answer: a.answer,
        correct: a.correct,
        points: a.points,
        responseMs: a.responseMs,
      })),
      joinedLater,
    };
  });
  return {
    gameId: game.id,
    deckId: game.settings.deckId,
    deckTitle: game.settings.deckTitle,
    settings: game.settings,
    startedAt: game.startedAt!,
    endedAt: game.endedAt!,
    endReason: game.endReason!,
    leaderboard,
    questions,
  };
}
