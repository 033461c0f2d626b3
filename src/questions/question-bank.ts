import { extractFacts } from './parser/facts.js';
import type { Outline } from './parser/outline.js';
import { definitionQuestions } from './generators/definition.generator.js';
import { exampleQuestions } from './generators/example.generator.js';
import { generatorContext } from './generators/generator-context.js';
import { listQuestions } from './generators/list.generator.js';
import { numberQuestions, orderingQuestions } from './generators/number.generator.js';
import { questionProblems } from './question-quality.js';
import type { Question } from './question.js';
import type { BankWarning } from './deck.js';

export interface QuestionBank {
  questions: Question[];
  /** Generated questions dropped for failing a quality rule. */
  warnings: BankWarning[];
}

/** Every generator over the deck's facts; questions that fail a rule are dropped and reported. */
export function generateBank(deckId: string, outline: Outline): QuestionBank {
  const ctx = generatorContext(deckId, outline.language, extractFacts(outline));
  const drafts = [
    ...definitionQuestions(ctx),
    ...exampleQuestions(ctx),
    ...numberQuestions(ctx),
    ...orderingQuestions(ctx),
    ...listQuestions(ctx),
  ];
  const questions: Question[] = [];
  const warnings: BankWarning[] = [];
  const seen = new Set<string>();
  for (const q of drafts) {
    const problem = questionProblems(q).join('; ');
    if (seen.has(q.id)) continue;
    seen.add(q.id);
    if (problem) warnings.push({ questionId: q.id, kind: q.kind, problem });
    else questions.push(q);
  }
  return { questions, warnings };
}
