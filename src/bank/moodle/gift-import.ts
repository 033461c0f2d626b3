import { parse, type GIFTQuestion, type TextChoice } from 'gift-pegjs';
import type { Language } from '../../questions/parser/outline.js';
import type { QuestionContent } from '../bank-overlay.js';
import { defaultExplanation, ImportProblem, sectionOfCategory, TRUE_FALSE, type ImportedQuestion, type ImportResult } from './moodle-format.js';

interface GiftContext {
  text: string;
  language: Language;
  /** Used until the file names a $CATEGORY. */
  section: string | null;
}

/**
 * Moodle GIFT into teacher-written questions, with the gift-pegjs PEG
 * parser. A syntax error refuses the file with its line; a question that
 * cannot become one of ours refuses it with the question and its line.
 * Kinds that have no counterpart here (essay, matching, description) are
 * skipped with a warning.
 */
export function fromGift(text: string, language: Language, defaultSection: string | null): ImportResult {
  let parsed: GIFTQuestion[];
  try {
    parsed = parse(text);
  } catch (err) {
    const location = (err as { location?: { start: { line: number } } }).location;
    throw new ImportProblem(`GIFT syntax error on line ${location?.start.line ?? '?'}: ${(err as Error).message}`, location?.start.line);
  }
  return giftQuestions(parsed, text, language, defaultSection);
}

/** The questions of a GIFT file already parsed (in a worker thread: see parse-in-worker.ts). */
export function giftQuestions(parsed: GIFTQuestion[], text: string, language: Language, defaultSection: string | null): ImportResult {
  const ctx: GiftContext = { text, language, section: defaultSection };
  const questions: ImportedQuestion[] = [];
  const warnings: string[] = [];
  const starts = blockStarts(text);
  let number = 0;
  for (const [index, item] of parsed.entries()) {
    if (item.type === 'Category') {
      ctx.section = sectionOfCategory(item.title);
      continue;
    }
    number += 1;
    const line = starts[index] ?? 1;
    const where = `question ${number}${item.title ? ` "${item.title}"` : ''} (line ${line})`;
    const content = contentOf(item, ctx, where, line);
    if (content === null) warnings.push(`${where}: ${item.type} questions have no counterpart here; skipped`);
    else questions.push({ content, where });
  }
  return { questions, warnings };
}

function contentOf(item: GIFTQuestion, ctx: GiftContext, where: string, line: number): QuestionContent | null {
  if (item.type !== 'MC' && item.type !== 'TF' && item.type !== 'Short' && item.type !== 'Numerical') return null;
  if (!ctx.section) throw new ImportProblem(`${where}: no $CATEGORY names its section`, line, where);
  const base = {
    prompt: item.stem.text.trim(),
    source: { section: ctx.section, slide: '', sentence: '' },
    tags: [ctx.section],
    difficulty: 2,
    accepted: [] as string[],
  };
  const feedback = item.globalFeedback?.text.trim();
  switch (item.type) {
    case 'TF': {
      const options: [string, string] = [...TRUE_FALSE[ctx.language]];
      const correct = item.isTrue ? 0 : 1;
      return { ...base, type: 'truefalse', options, correct: [correct], explanation: feedback || defaultExplanation(ctx.language, [options[correct]]) };
    }
    case 'MC': {
      const options = item.choices.map((c) => c.text.text.trim());
      const correct = item.choices.flatMap((c, i) => (isRight(c) ? [i] : []));
      const weighted = item.choices.some((c) => c.weight !== null);
      const type = weighted && correct.length !== 1 ? 'multiple' : 'single';
      const explanation =
        feedback ||
        defaultExplanation(
          ctx.language,
          correct.flatMap((i) => options[i] ?? []),
        );
      return { ...base, type, options, correct, explanation };
    }
    case 'Short': {
      const accepted = item.choices.filter(isRight).map((c) => c.text.text.trim());
      return { ...base, type: 'typed', options: [], correct: [], accepted, explanation: feedback || defaultExplanation(ctx.language, accepted) };
    }
    case 'Numerical': {
      const choices = Array.isArray(item.choices) ? item.choices.filter((c) => c.isCorrect || (c.weight ?? 0) > 0).map((c) => c.text) : [item.choices];
      const exact = choices.filter((c) => c.type === 'simple' && !c.range && typeof c.number === 'number');
      if (exact.length !== choices.length || exact.length === 0)
        throw new ImportProblem(`${where}: only exact numerical answers can be imported (no ranges)`, line, where);
      const accepted = exact.map((c) => String(c.number));
      return { ...base, type: 'typed', options: [], correct: [], accepted, explanation: feedback || defaultExplanation(ctx.language, accepted) };
    }
  }
}

/**
 * First line of each GIFT block: the grammar separates questions (and
 * $CATEGORY lines) by blank lines and skips // comments, so the n-th block is
 * the n-th item the parser returns.
 */
function blockStarts(text: string): number[] {
  const starts: number[] = [];
  let inBlock = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') inBlock = false;
    else if (!line.startsWith('//') && !inBlock) {
      starts.push(i + 1);
      inBlock = true;
    }
  });
  return starts;
}

/** Right: marked "=", or given a positive weight ("~%50%"). */
function isRight(choice: TextChoice): boolean {
  return choice.weight === null ? choice.isCorrect : choice.weight > 0;
}
