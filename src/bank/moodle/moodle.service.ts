import { Injectable } from '@nestjs/common';
import { BankError } from '../bank-error.js';
import { contentOf, type BankQuestion } from '../bank-overlay.js';
import { BankService } from '../bank.service.js';
import { toGift } from './gift-export.js';
import type { GIFTQuestion } from 'gift-pegjs';
import { giftQuestions } from './gift-import.js';
import { ImportProblem, type ExportItem, type ExportResult, type ImportResult } from './moodle-format.js';
import { toMoodleXml } from './moodle-xml-export.js';
import { moodleXmlQuestions } from './moodle-xml-import.js';
import { parseInWorker } from './parse-in-worker.js';

/** Skipped questions named in the message of an import that kept none. */
const MESSAGE_WARNINGS = 5;

export type MoodleFormat = 'gift' | 'moodle-xml';

export interface ImportOutcome {
  imported: BankQuestion[];
  warnings: string[];
}

/** Moodle's two native question formats, in and out of a deck's bank. */
@Injectable()
export class MoodleService {
  constructor(private readonly bank: BankService) {}

  /** The effective bank (excluded questions left out), or the questions named, in bank order. */
  async export(deckId: string, format: MoodleFormat, ids?: string[]): Promise<ExportResult & { deckId: string }> {
    const bank = await this.bank.bank(deckId);
    let chosen: BankQuestion[];
    if (ids?.length) {
      const byId = new Map(bank.questions.map((q) => [q.id, q]));
      const missing = ids.filter((id) => !byId.has(id));
      if (missing.length) throw new BankError('QUESTION_NOT_FOUND', `No question ${missing.map((m) => `"${m}"`).join(', ')} in this bank.`);
      const wanted = new Set(ids);
      chosen = bank.questions.filter((q) => wanted.has(q.id));
    } else {
      chosen = bank.questions.filter((q) => !q.excluded);
    }
    const items: ExportItem[] = chosen.map((q) => ({ id: q.id, ...contentOf(q) }));
    const result = format === 'gift' ? toGift(bank.deck.title, items) : toMoodleXml(bank.deck.title, items);
    return { ...result, deckId: bank.deck.id };
  }

  /** Everything in the file becomes the teacher's own questions, or nothing does. */
  async import(deckId: string, format: MoodleFormat, text: string, section?: string): Promise<ImportOutcome> {
    const { deck } = await this.bank.bank(deckId);
    let parsed: ImportResult;
    try {
      // The parse itself runs in a worker thread: seconds of it must not stall the live games.
      const tree = await parseInWorker(format, text);
      parsed =
        format === 'gift'
          ? giftQuestions(tree as GIFTQuestion[], text, deck.language, section ?? null)
          : moodleXmlQuestions(tree as Record<string, unknown>, text, deck.language, section ?? null);
    } catch (err) {
      if (!(err instanceof ImportProblem)) throw err;
      throw new BankError('IMPORT_INVALID', err.message, { ...(err.line ? { line: err.line } : {}), ...(err.question ? { question: err.question } : {}) });
    }
    if (parsed.questions.length === 0) {
      // A few reasons are enough: a file of thousands of skipped questions must not make a megabyte of message.
      const more = parsed.warnings.length > MESSAGE_WARNINGS ? `; and ${parsed.warnings.length - MESSAGE_WARNINGS} more` : '';
      throw new BankError(
        'IMPORT_INVALID',
        `The file has no question that can be imported. ${parsed.warnings.slice(0, MESSAGE_WARNINGS).join('; ')}${more}`.trim(),
      );
    }
    const imported = await this.bank.addMany(
      deck.id,
      parsed.questions.map((q) => q.content),
      (index) => parsed.questions[index]?.where ?? `question ${index + 1}`,
    );
    return { imported, warnings: parsed.warnings };
  }
}
