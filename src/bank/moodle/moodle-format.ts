import type { Language } from '../../questions/parser/outline.js';
import type { QuestionContent } from '../bank-overlay.js';

/** A question ready to export: its content plus where it sits. */
export interface ExportItem extends QuestionContent {
  id: string;
}

export interface ExportResult {
  text: string;
  exported: number;
  /** One line per question left out (ordering in GIFT). */
  warnings: string[];
}

/** What an import produced: contents to check with the bank's rules, and what was skipped. */
export interface ImportResult {
  questions: ImportedQuestion[];
  warnings: string[];
}

export interface ImportedQuestion {
  content: QuestionContent;
  /** "question 3 (line 12)", for errors. */
  where: string;
}

/** Raised for anything malformed: the import is refused whole. */
export class ImportProblem extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly question?: string,
  ) {
    super(message);
  }
}

export const TRUE_FALSE: Record<Language, [string, string]> = { es: ['Verdadero', 'Falso'], en: ['True', 'False'] };

/** Moodle's category path for a section: "$course$/top/<deck title>/<section>". */
export function categoryPath(deckTitle: string, section: string): string {
  return ['$course$', 'top', deckTitle, section].map((p) => p.replaceAll('/', '//')).join('/');
}

/** The section named by a category path: its last segment ("//" is an escaped slash in Moodle paths). */
export function sectionOfCategory(path: string): string {
  const segments = path.replaceAll('//', '\u0000').split('/');
  return (segments.at(-1) ?? '').replaceAll('\u0000', '/').trim();
}

/**
 * 1-based line numbers for many offsets of one text: the line starts are found once
 * and each offset by binary search (a file of thousands of questions would
 * otherwise be re-split once per question).
 */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    if (offset < 0) return 1;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      const start = starts[mid];
      if (start !== undefined && start <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/** When a Moodle question has no general feedback, the explanation names the right answer. */
export function defaultExplanation(language: Language, answers: string[]): string {
  return `${language === 'es' ? 'Respuesta' : 'Answer'}: ${answers.join(', ')}`;
}
