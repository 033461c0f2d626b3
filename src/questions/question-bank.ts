import { balanceBank } from './bank-balance.js';
import { extractFacts } from './parser/facts.js';
import type { Outline } from './parser/outline.js';
import { contrastQuestions } from './generators/contrast.generator.js';
import { definitionQuestions } from './generators/definition.generator.js';
import { exampleQuestions } from './generators/example.generator.js';
import { generatorContext } from './generators/generator-context.js';
import { numberQuestions, orderingQuestions } from './generators/number.generator.js';
import { stanceQuestions } from './generators/stance.generator.js';
import { traitQuestions } from './generators/trait.generator.js';
import { qualityProblems } from './question-quality.js';
import { structuralProblems } from './question.dto.js';
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
    ...traitQuestions(ctx),
    ...contrastQuestions(ctx),
    ...stanceQuestions(ctx),
    ...numberQuestions(ctx),
    ...orderingQuestions(ctx),
  ];
  const questions: Question[] = [];
  const warnings: BankWarning[] = [];
  const seen = new Set<string>();
  for (const q of drafts) {
    if (seen.has(q.id)) continue;
    seen.add(q.id);
    const structural = structuralProblems(q);
    const problem = structural ? `STRUCTURE: ${structural}` : qualityProblems(q, ctx.language).join('; ');
    if (problem) warnings.push({ questionId: q.id, kind: q.kind, problem });
    else questions.push(q);
  }
  return { questions: balanceBank(questions), warnings };
}
