import { HttpException } from '@nestjs/common';

/**
 * Refusals of the bank API. They use the REST error shape
 * ({"error": {"code", "message"}}) and, for a question that breaks a rule, the
 * problems per field, so the bank page can show each next to its input.
 */
export const BANK_ERRORS = {
  QUESTION_NOT_FOUND: 404,
  QUESTION_INVALID: 422,
  IMPORT_INVALID: 422,
  NOTHING_TO_REVIEW: 422,
} as const;

export type BankErrorCode = keyof typeof BANK_ERRORS;

/** Problems per field path ("prompt", "options", "source.section", …). */
export type FieldProblems = Record<string, string[]>;

export class BankError extends HttpException {
  constructor(code: BankErrorCode, message: string, extra: { fields?: FieldProblems; line?: number; question?: string } = {}) {
    super({ error: { code, message, ...extra } }, BANK_ERRORS[code]);
  }
}
