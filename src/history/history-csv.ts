import { stringify } from 'csv-stringify/sync';
import type { EndReason } from '../game/engine/index.js';
import { answerText } from '../questions/types/index.js';
import type { HistoryRecord } from './history-record.js';

export const CSV_COLUMNS = [
  'game_id',
  'deck',
  'ended_at',
  'end_reason',
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

/** Headers in the teacher's language: a Spanish spreadsheet gets Spanish column names. */
export const SPANISH_COLUMNS: Record<(typeof CSV_COLUMNS)[number], string> = {
  game_id: 'partida',
  deck: 'tema',
  ended_at: 'fecha_fin',
  end_reason: 'como_termino',
  player: 'jugador',
  final_rank: 'puesto_final',
  final_score: 'puntos_finales',
  question: 'pregunta',
  section: 'apartado',
  prompt: 'enunciado',
  type: 'tipo',
  answer: 'respuesta',
  correct: 'correcta',
  points: 'puntos',
  response_ms: 'tiempo_ms',
};
/** How the game ended, in the teacher's language (the client's history page uses the same words). */
const END_REASONS: Record<CsvLang, Record<EndReason, string>> = {
  en: { completed: 'completed', 'ended-early': 'ended early', abandoned: 'abandoned', interrupted: 'interrupted' },
  es: { completed: 'completa', 'ended-early': 'terminada antes', abandoned: 'abandonada', interrupted: 'interrumpida' },
};
type CsvLang = 'en' | 'es';
const VERDICTS = { en: { yes: 'yes', no: 'no', none: 'unanswered' }, es: { yes: 'sí', no: 'no', none: 'sin respuesta' } };

export interface CsvOptions {
  /** Spanish-locale Excel splits columns on ";", not ",". */
  separator: 'comma' | 'semicolon';
  lang: CsvLang;
}

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * A nickname as a spreadsheet cell: invisible format characters (names kept
 * before they were stripped at join) removed, and a right-to-left name
 * wrapped in an isolate (FSI … PDI) so it cannot reorder what a reader sees
 * around it.
 */
export function isolatedName(nickname: string): string {
  const clean = nickname.replace(/\p{Cf}/gu, '');
  return RTL.test(clean) ? `\u2068${clean}\u2069` : clean;
}

/** A nickname like "=HYPERLINK(…)" must stay text in a spreadsheet, not become a formula. */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * One row per player and question (unanswered questions included), UTF-8
 * with a BOM so spreadsheets keep the accents.
 */
export function historyCsv(record: HistoryRecord, options: CsvOptions = { separator: 'comma', lang: 'en' }): string {
  return stringify(historyRows(record, options.lang), {
    header: true,
    columns: CSV_COLUMNS.map((key) => ({ key, header: options.lang === 'es' ? SPANISH_COLUMNS[key] : key })),
    delimiter: options.separator === 'semicolon' ? ';' : ',',
    bom: true,
    cast: { string: defuseFormula },
  });
}

/** The rows of every export (CSV, XLSX): one per player and question, as arrays in CSV_COLUMNS order. */
export function historyRows(record: HistoryRecord, lang: CsvOptions['lang']): Array<Array<string | number>> {
  const verdict = VERDICTS[lang];
  const ended = new Date(record.endedAt).toISOString();
  // A stored record may carry a reason this version has no words for: it is shown as written.
  const endReason = (END_REASONS[lang] as Partial<Record<string, string>>)[record.endReason] ?? record.endReason;
  return record.leaderboard.flatMap((player) =>
    record.questions.map((q) => {
      const given = q.answers.find((a) => a.playerId === player.playerId);
      return [
        record.gameId,
        record.deckTitle,
        ended,
        endReason,
        isolatedName(player.nickname),
        player.rank,
        player.score,
        q.index + 1,
        q.source.section,
        q.prompt,
        q.type,
        answerText(q, given?.answer),
        given ? (given.correct ? verdict.yes : verdict.no) : verdict.none,
        given?.points ?? 0,
        given?.responseMs ?? '',
      ];
    }),
  );
}
