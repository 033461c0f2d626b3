import { assertNever } from '../../common/assert-never.js';
import { categoryPath, type ExportItem, type ExportResult } from './moodle-format.js';

/** GIFT's special characters are escaped with a backslash wherever text appears. */
export function giftEscape(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function answers(q: ExportItem): string | null {
  const feedback = `####${giftEscape(q.explanation)}`;
  switch (q.type) {
    case 'single':
      return q.options.map((o, i) => `${q.correct.includes(i) ? '=' : '~'}${giftEscape(o)}`).join(' ') + ` ${feedback}`;
    case 'multiple': {
      // Moodle's multiple-answer form: right options share 100 %, each wrong one takes it all away.
      const weight = formatWeight(100 / q.correct.length);
      return q.options.map((o, i) => `~%${q.correct.includes(i) ? weight : '-100'}%${giftEscape(o)}`).join(' ') + ` ${feedback}`;
    }
    case 'truefalse':
      return `${q.correct[0] === 0 ? 'TRUE' : 'FALSE'}${feedback}`;
    case 'typed':
      return q.accepted.map((a) => `=${giftEscape(a)}`).join(' ') + ` ${feedback}`;
    case 'ordering':
      return null;
    default:
      return assertNever(q.type, 'question type');
  }
}

function formatWeight(weight: number): string {
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(5);
}

/** Moodle GIFT: one category per section, the explanation as general feedback; ordering has no GIFT form. */
export function toGift(deckTitle: string, items: readonly ExportItem[]): ExportResult {
  const lines: string[] = [`// ${giftEscape(deckTitle)}: exported from aulaquiz`, ''];
  const warnings: string[] = [];
  let section: string | null = null;
  let exported = 0;
  for (const q of items) {
    const body = answers(q);
    if (body === null) {
      const warning = `ordering question ${q.id} left out: GIFT has no ordering question type`;
      warnings.push(warning);
      lines.push(`// ${warning}`, '');
      continue;
    }
    if (q.source.section !== section) {
      section = q.source.section;
      lines.push(`$CATEGORY: ${categoryPath(deckTitle, section)}`, '');
    }
    lines.push(`::${giftEscape(q.id)}::[plain]${giftEscape(q.prompt)} {${body}}`, '');
    exported += 1;
  }
  return { text: lines.join('\n'), exported, warnings };
}
