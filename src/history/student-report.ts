import type { RankedPlayer } from '../game/engine/index.js';
import { GameError } from '../common/game-error.js';
import { answerText, rightAnswerText } from '../questions/types/index.js';
import type { HistoryRecord } from './history-record.js';
import { REVIEW_THRESHOLD } from './history-report.js';

/** One student's game, for the teacher (and a talk with the student or their family). */
export interface StudentReport {
  gameId: string;
  deckTitle: string;
  endedAt: number;
  player: RankedPlayer;
  totalPlayers: number;
  questions: Array<{
    index: number;
    prompt: string;
    section: string;
    /** False when the student joined after this question was shown: it is left out of their rates. */
    asked: boolean;
    /** What the student answered, as they saw it; null when they did not answer. */
    answer: string | null;
    correct: boolean;
    points: number;
    responseMs: number | null;
    rightAnswer: string;
  }>;
  sections: Array<{ section: string; questions: number; correct: number; correctRate: number }>;
  /** This student's weak sections, weakest first. */
  sectionsToReview: string[];
}

export function buildStudentReport(record: HistoryRecord, playerId: string): StudentReport {
  const player = record.leaderboard.find((p) => p.playerId === playerId);
  if (!player) throw new GameError('PLAYER_NOT_FOUND');
  const questions = record.questions.map((q) => {
    const given = q.answers.find((a) => a.playerId === playerId);
    return {
      index: q.index,
      prompt: q.prompt,
      section: q.source.section,
      asked: !(q.joinedLater ?? []).includes(playerId),
      answer: given ? answerText(q, given.answer) : null,
      correct: given?.correct ?? false,
      points: given?.points ?? 0,
      responseMs: given?.responseMs ?? null,
      rightAnswer: rightAnswerText(q),
    };
  });
  const bySection = new Map<string, { section: string; questions: number; correct: number; correctRate: number }>();
  for (const q of questions) {
    if (!q.asked) continue;
    const s = bySection.get(q.section) ?? { section: q.section, questions: 0, correct: 0, correctRate: 0 };
    s.questions += 1;
    if (q.correct) s.correct += 1;
    s.correctRate = s.correct / s.questions;
    bySection.set(q.section, s);
  }
  const sections = [...bySection.values()];
  return {
    gameId: record.gameId,
    deckTitle: record.deckTitle,
    endedAt: record.endedAt,
    player,
    totalPlayers: record.leaderboard.length,
    questions,
    sections,
    sectionsToReview: sections
      .filter((s) => s.correctRate < REVIEW_THRESHOLD)
      .sort((a, b) => a.correctRate - b.correctRate)
      .map((s) => s.section),
  };
}
