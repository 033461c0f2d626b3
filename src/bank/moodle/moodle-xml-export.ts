import XMLBuilder from 'fast-xml-builder';
import { assertNever } from '../../common/assert-never.js';
import { categoryPath, type ExportItem, type ExportResult } from './moodle-format.js';

const text = (value: string) => ({ text: value });
const plain = (value: string) => ({ '@_format': 'plain_text', text: value });

/** Moodle's element for each of our types. Ordering is Moodle's Ordering question type (qtype_ordering). */
function question(q: ExportItem): Record<string, unknown> {
  const common = { name: text(q.id), questiontext: plain(q.prompt), generalfeedback: plain(q.explanation), defaultgrade: 1 };
  const answer = (value: string, fraction: number | string) => ({ '@_fraction': fraction, '@_format': 'plain_text', text: value, feedback: text('') });
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const share = 100 / q.correct.length;
      const fraction = (i: number) => (q.correct.includes(i) ? (q.type === 'single' ? 100 : share.toFixed(5)) : q.type === 'single' ? 0 : -100);
      return {
        '@_type': 'multichoice',
        ...common,
        single: q.type === 'single' ? 'true' : 'false',
        shuffleanswers: 'true',
        answernumbering: 'abc',
        answer: q.options.map((o, i) => answer(o, fraction(i))),
      };
    }
    case 'truefalse':
      return { '@_type': 'truefalse', ...common, answer: [answer('true', q.correct[0] === 0 ? 100 : 0), answer('false', q.correct[0] === 1 ? 100 : 0)] };
    case 'typed':
      return { '@_type': 'shortanswer', ...common, usecase: 0, answer: q.accepted.map((a) => answer(a, 100)) };
    case 'ordering':
      // Items in the right order; the fraction is each item's place, as qtype_ordering writes it.
      return {
        '@_type': 'ordering',
        ...common,
        layouttype: 'VERTICAL',
        selecttype: 'ALL',
        answer: q.correct.flatMap((i, place) => (q.options[i] === undefined ? [] : [answer(q.options[i], place + 1)])),
      };
    default:
      return assertNever(q.type, 'question type');
  }
}

/** Moodle XML: one category question per section, the explanation as general feedback. */
export function toMoodleXml(deckTitle: string, items: readonly ExportItem[]): ExportResult {
  const questions: Array<Record<string, unknown>> = [];
  let section: string | null = null;
  for (const q of items) {
    if (q.source.section !== section) {
      section = q.source.section;
      questions.push({ '@_type': 'category', category: text(categoryPath(deckTitle, section)) });
    }
    questions.push(question(q));
  }
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: false });
  const body = builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, quiz: { question: questions } });
  return { text: body, exported: items.length, warnings: [] };
}
