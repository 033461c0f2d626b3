import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Language } from '../../questions/parser/outline.js';
import type { QuestionContent } from '../bank-overlay.js';
import { XML_ARRAY_TAGS, XML_PARSER_OPTIONS } from './parse-in-worker.js';
import { defaultExplanation, ImportProblem, lineIndex, sectionOfCategory, TRUE_FALSE, type ImportedQuestion, type ImportResult } from './moodle-format.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({ ...XML_PARSER_OPTIONS, isArray: (name) => XML_ARRAY_TAGS.includes(name) });

/** The text of `<x><text>…</text></x>` (or of `<x>…</x>`). */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node).trim();
  const inner = (node as Node).text;
  return inner === undefined ? textOf((node as Node)['#text']) : textOf(inner);
}

function fraction(answer: Node): number {
  const value = Number(answer['@_fraction'] ?? 0);
  return Number.isFinite(value) ? value : 0;
}

interface XmlContext {
  language: Language;
  section: string | null;
  where: string;
  line: number;
}

/**
 * Moodle XML into teacher-written questions (fast-xml-parser). Malformed XML
 * is refused with its line; a question that cannot become one of ours refuses
 * the whole file naming it; Moodle types with no counterpart are skipped with
 * a warning.
 */
export function fromMoodleXml(xml: string, language: Language, defaultSection: string | null): ImportResult {
  // fast-xml-validator, which replaces it, is another implementation (on detailed-xml-validator): its messages and
  // lines would change what a refused import says. This one still ships with fast-xml-parser 5.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ImportProblem(`XML error on line ${valid.err.line}: ${valid.err.msg}`, valid.err.line);
  return moodleXmlQuestions(parseRefusingLimits(xml), xml, language, defaultSection);
}

/** The questions of a Moodle XML file already parsed (in a worker thread: see parse-in-worker.ts). */
export function moodleXmlQuestions(tree: Node, xml: string, language: Language, defaultSection: string | null): ImportResult {
  const quiz = tree.quiz as Node | undefined;
  if (!quiz || typeof quiz !== 'object') throw new ImportProblem('not a Moodle XML file: no <quiz> element', 1);
  const starts = [...xml.matchAll(/<question[\s>]/g)].map((m) => m.index);
  const lineAt = lineIndex(xml);
  const questions: ImportedQuestion[] = [];
  const warnings: string[] = [];
  let section = defaultSection;
  ((quiz.question as Node[] | undefined) ?? []).forEach((node, index) => {
    const typeAttribute = node['@_type'];
    const type = typeof typeAttribute === 'string' ? typeAttribute : '';
    if (type === 'category') {
      section = sectionOfCategory(textOf(node.category));
      return;
    }
    const line = lineAt(starts[index] ?? -1);
    const name = textOf(node.name);
    const where = `question ${index + 1}${name ? ` "${name}"` : ''} (line ${line})`;
    const content = contentOf(type, node, { language, section, where, line });
    if (content === null) warnings.push(`${where}: Moodle "${type}" questions have no counterpart here; skipped`);
    else questions.push({ content, where });
  });
  return { questions, warnings };
}

/**
 * The validator passes files the parser then refuses: tags nested past its
 * limit, external or parameter entities, a second DOCTYPE. Those are
 * malformed files like any other, not faults of the server.
 */
function parseRefusingLimits(xml: string): Node {
  try {
    return parser.parse(xml) as Node;
  } catch (err) {
    throw new ImportProblem(`XML refused: ${(err as Error).message}`);
  }
}

function contentOf(type: string, node: Node, ctx: XmlContext): QuestionContent | null {
  if (!['multichoice', 'truefalse', 'shortanswer', 'numerical', 'ordering'].includes(type)) return null;
  if (!ctx.section) throw new ImportProblem(`${ctx.where}: no category names its section`, ctx.line, ctx.where);
  const answers = (node.answer as Node[] | undefined) ?? [];
  const feedback = textOf(node.generalfeedback);
  const base = {
    prompt: textOf(node.questiontext),
    accepted: [] as string[],
    source: { section: ctx.section, slide: '', sentence: '' },
    tags: [ctx.section],
    difficulty: 2,
  };
  const explain = (right: string[]) => feedback || defaultExplanation(ctx.language, right);
  switch (type) {
    case 'multichoice': {
      const options = answers.map(textOf);
      const correct = answers.flatMap((a, i) => (fraction(a) > 0 ? [i] : []));
      const single = textOf(node.single) !== 'false';
      return { ...base, type: single ? 'single' : 'multiple', options, correct, explanation: explain(correct.flatMap((i) => options[i] ?? [])) };
    }
    case 'truefalse': {
      const right = answers.find((a) => fraction(a) > 0);
      if (!right) throw new ImportProblem(`${ctx.where}: neither true nor false is marked right`, ctx.line, ctx.where);
      const correct = textOf(right).toLowerCase() === 'true' ? 0 : 1;
      const options: [string, string] = [...TRUE_FALSE[ctx.language]];
      return { ...base, type: 'truefalse', options, correct: [correct], explanation: explain([options[correct]]) };
    }
    case 'shortanswer':
    case 'numerical': {
      const accepted = answers.filter((a) => fraction(a) >= 100).map(textOf);
      return { ...base, type: 'typed', options: [], correct: [], accepted, explanation: explain(accepted) };
    }
    default: {
      // ordering: answers listed in the right order, fractions giving each one's place.
      const ordered = answers.map((a, i) => ({ text: textOf(a), place: fraction(a) || i + 1 })).sort((a, b) => a.place - b.place);
      const options = ordered.map((a) => a.text);
      return { ...base, type: 'ordering', options, correct: options.map((_, i) => i), explanation: explain(options) };
    }
  }
}
