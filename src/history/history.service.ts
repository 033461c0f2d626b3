import { Injectable } from '@nestjs/common';
import { GameError } from '../common/game-error.js';
import { historyCsv, type CsvOptions } from './history-csv.js';
import { historyXlsx } from './history-xlsx.js';
import type { HistoryRecord } from './history-record.js';
import { buildReport, sectionStats, type HistoryReport, type SectionStat } from './history-report.js';
import { HistoryStore } from './history-store.js';
import { buildStudentReport, type StudentReport } from './student-report.js';
import type { HistoryCursor, HistoryPage } from './history-summary.js';

export const DEFAULT_PAGE = 20;

export interface SectionTrend extends SectionStat {
  trend: Array<{ gameId: string; endedAt: number; correctRate: number }>;
}

export interface DeckSections {
  deckId: string;
  games: number;
  sections: SectionTrend[];
}

function encodeCursor(c: HistoryCursor): string {
  return Buffer.from(JSON.stringify([c.endedAt, c.gameId])).toString('base64url');
}

function decodeCursor(cursor: string): HistoryCursor {
  try {
    const [endedAt, gameId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof endedAt === 'number' && typeof gameId === 'string') return { endedAt, gameId };
  } catch {
    // falls through to the error below
  }
  throw new GameError('INVALID_PAYLOAD', 'cursor is not one this server gave out');
}

/** A store failure (Redis unreachable, a disk error) is the documented retryable 503, not a 500. */
async function reachable<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof GameError) throw err;
    throw new GameError('TRY_AGAIN', `History is unreachable for a moment (${(err as Error).message}).`);
  }
}

@Injectable()
export class HistoryService {
  constructor(private readonly store: HistoryStore) {}

  async list(query: { limit?: number; cursor?: string; deck?: string }): Promise<HistoryPage> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    // One extra item tells whether there is a next page.
    const found = await reachable(() => this.store.list({ deckId: query.deck, limit: limit + 1, after }));
    const games = found.slice(0, limit);
    const last = games.at(-1);
    return { games, nextCursor: found.length > limit && last ? encodeCursor(last) : null };
  }

  async get(gameId: string): Promise<HistoryRecord> {
    const record = await reachable(() => this.store.get(gameId));
    if (!record) throw new GameError('GAME_NOT_FOUND', `No finished game with id "${gameId}".`);
    return record;
  }

  async csv(gameId: string, options?: CsvOptions): Promise<string> {
    return historyCsv(await this.get(gameId), options);
  }

  async xlsx(gameId: string, lang: CsvOptions['lang']): Promise<Buffer> {
    return historyXlsx(await this.get(gameId), lang);
  }

  async report(gameId: string): Promise<HistoryReport> {
    return buildReport(await this.get(gameId));
  }

  async student(gameId: string, playerId: string): Promise<StudentReport> {
    return buildStudentReport(await this.get(gameId), playerId);
  }

  async delete(gameId: string): Promise<void> {
    if (!(await reachable(() => this.store.delete(gameId)))) throw new GameError('GAME_NOT_FOUND', `No finished game with id "${gameId}".`);
  }

  /** Per section over every game of a deck, with each game's rate: did re-teaching work? */
  async deckSections(deckId: string): Promise<DeckSections> {
    const records = await reachable(() => this.store.recordsOfDeck(deckId));
    const overall = sectionStats(records.flatMap((r) => r.questions));
    const perGame = records.map((r) => ({ record: r, stats: new Map(sectionStats(r.questions).map((s) => [s.section, s])) }));
    const sections = overall.map((s) => ({
      ...s,
      trend: perGame.flatMap((g) => {
        const inGame = g.stats.get(s.section);
        return inGame ? [{ gameId: g.record.gameId, endedAt: g.record.endedAt, correctRate: inGame.correctRate }] : [];
      }),
    }));
    return { deckId, games: records.length, sections };
  }
}
