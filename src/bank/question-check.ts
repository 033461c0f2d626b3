import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { qualityProblems } from '../questions/question-quality.js';
import { QuestionDto } from '../questions/question.dto.js';
import type { Question } from '../questions/question.js';
import type { FieldProblems } from './bank-error.js';

/**
 * The field each quality rule is about, so a teacher sees the problem next to
 * the input that causes it. The rules themselves are the generators' own
 * (question-quality.ts): an edited or teacher-written question passes exactly
 * what a generated one passes.
 */
const RULE_FIELDS: Array<[RegExp, string]> = [
  [/duplicate options|at least two options|typed question with options|ordering needs/, 'options'],
  [/correct/, 'correct'],
  [/accepted answers/, 'accepted'],
  [/prompt/, 'prompt'],
  [/^(GIVEAWAY|BAD-DISTRACTOR)/, 'options'],
  [/^LANGUAGE/, 'prompt'],
];

function add(problems: FieldProblems, field: string, message: string): void {
  (problems[field] ??= []).push(message);
}

function collect(errors: ValidationError[], problems: FieldProblems, parent = ''): void {
  for (const e of errors) {
    const path = parent ? `${parent}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) add(problems, path, message);
    if (e.children?.length) collect(e.children, problems, path);
  }
}

/**
 * Every problem of a question, by field; empty when it may be played.
 * `sections` are the deck's section labels: a question belongs to one of them.
 */
export function questionFieldProblems(question: Question, sections: readonly string[]): FieldProblems {
  const problems: FieldProblems = {};
  collect(validateSync(plainToInstance(QuestionDto, question), { whitelist: true, forbidNonWhitelisted: true }), problems);
  if (Object.keys(problems).length === 0) {
    for (const rule of qualityProblems(question)) add(problems, RULE_FIELDS.find(([re]) => re.test(rule))?.[1] ?? 'type', rule);
  }
  // The question may hold a client's edit not yet validated (a PATCH can send "source": null).
  const { source } = question as { source?: Partial<Question['source']> | null };
  if (typeof source?.section === 'string' && !sections.includes(source.section)) {
    add(problems, 'source.section', `section must be one of the deck's sections`);
  }
  return problems;
}
