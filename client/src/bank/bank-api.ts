import { teacherKey } from '../shared/api.js';
import { errorText } from '../shared/i18n.js';
import type { ItemStats } from '../../../src/bank/analysis/item-analysis.js';
import type { BankQuestion, OrphanedEntry, QuestionContent } from '../../../src/bank/bank-overlay.js';
import type { DeckSummary } from '../../../src/questions/deck.js';
import { bt, type BankTextKey } from './bank-texts.js';

export type { BankQuestion, ItemStats, OrphanedEntry, QuestionContent, DeckSummary };

export interface DeckBank {
  deck: DeckSummary;
  questions: BankQuestion[];
  orphaned: OrphanedEntry[];
}

export interface DeckStats {
  deckId: string;
  games: number;
  items: ItemStats[];
}

const BANK_CODES = new Set(['error_QUESTION_NOT_FOUND', 'error_QUESTION_INVALID', 'error_IMPORT_INVALID', 'error_NOTHING_TO_REVIEW']);

/** A refusal with what the page needs to show it: the code, and the problems per field or the line. */
export class BankApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields: Record<string, string[]> = {},
    readonly line?: number,
    readonly detail = '',
  ) {
    super(code);
  }

  /** The page's text for the code (its own codes first, then the shared ones). */
  get text(): string {
    const own = `error_${this.code}`;
    return BANK_CODES.has(own) ? bt(own as BankTextKey) : errorText(this.code);
  }
}

/** Any failure of a bank call as a refusal to show: a fault of the page itself counts as INTERNAL_ERROR. */
export function asBankApiError(err: unknown): BankApiError {
  return err instanceof BankApiError ? err : new BankApiError(0, 'INTERNAL_ERROR');
}

export async function bankApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${teacherKey() ?? ''}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new BankApiError(0, 'NETWORK');
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: { code: string; message?: string; fields?: Record<string, string[]>; line?: number } };
  if (!response.ok)
    throw new BankApiError(response.status, data.error?.code ?? 'INTERNAL_ERROR', data.error?.fields, data.error?.line, data.error?.message ?? '');
  return data as T;
}

export const questionPath = (deckId: string, id: string) => `/api/bank/${encodeURIComponent(deckId)}/questions/${encodeURIComponent(id)}`;
