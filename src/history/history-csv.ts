import { stringify } from 'csv-stringify/sync';
import type { AnswerValue } from '../questions/question.js';
import type { HistoryQuestion, HistoryRecord } from './history-record.js';

export const CSV_COLUMNS = [
  'game_id',
  'deck',
  'ended_at',
  'player',
  'final_rank',
  'final_score',
  'question',
  'section',
  'prompt',
  'type',
  'answer',
  'correct',
  'points',
  'response_ms',
] as const;

/** What the player answered, as text a teacher can read in a spreadsheet. */
export function answerText(q: HistoryQuestion, answer: AnswerValue | undefined): string {
  if (answer === undefined) return '';
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'number') return q.options[answer] ?? '';
  return answer.map((i) => q.options[i] ?? '').join(q.type === 'ordering' ? ' → ' : '; ');
}

/** A nickname like "=HYPERLINK(…)" must stay text in a spreadsheet, not become a formula. */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * One row per player and question (unanswered questions included), UTF-8
 * with a BOM so spreadsheets keep the accents.
 */
export function historyCsv(record: HistoryRecord): string {
  const ended = new Date(record.endedAt).toISOString();
  const rows = record.leaderboard.flatMap((player) =>
    record.questions.map((q) => {
      const given = q.answers.find((a) => a.playerId === player.playerId);
      return [
        record.gameId,
        record.deckTitle,
        ended,
        player.nickname,
        player.rank,
        player.score,
        q.index + 1,
        q.source.section,
        q.prompt,
        q.type,
        answerText(q, given?.answer),
        given ? (given.correct ? 'yes' : 'no') : 'unanswered',
        given?.points ?? 0,
        given?.responseMs ?? '',
      ];
    }),
  );
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], bom: true, cast: { string: defuseFormula } });
}
