import { familyOf } from '../templates.js';
import type { Category } from '../parser/facts.js';
import type { Question } from '../question.js';
import { choice, makeQuestion, stablePick, trueFalseQuestion, type GeneratorContext } from './generator-context.js';

const MAX_OPTIONS = 4;

/**
 * A distractor must not be right anywhere in the deck: VMware Workstation is
 * listed under native virtualization and under type II hypervisors, so it is
 * never offered as a wrong answer for either.
 */
function belongsTo(categories: Category[], example: string): Set<string> {
  return new Set(categories.filter((c) => c.examples.includes(example)).map((c) => c.name));
}

function siblingsOf(categories: Category[], c: Category): Category[] {
  return categories.filter((o) => o !== c && o.ref.section === c.ref.section);
}

export function exampleQuestions(ctx: GeneratorContext): Question[] {
  const { categories } = ctx.facts;
  const out: Question[] = [];
  for (const category of categories) {
    const siblings = siblingsOf(categories, category);
    if (siblings.length === 0) continue;
    const outsiders = [...new Set(siblings.flatMap((s) => s.examples))].filter(
      (e) => !belongsTo(categories, e).has(category.name),
    );
    const explanation = ctx.t.explainExamples(category.name, category.examples);
    for (const example of category.examples) {
      out.push(...kindOfQuestion(ctx, category, example, siblings, explanation));
      if (outsiders.length === 0) continue;
      const wrong = stablePick(`ex:${category.name}:${example}`, outsiders, MAX_OPTIONS - 1);
      out.push(
        makeQuestion(ctx, 'which-example', `${category.name}:${example}`, {
          type: 'single',
          prompt: ctx.t.exampleOf(category.name),
          ...choice(`ex:${category.name}:${example}`, example, wrong),
          explanation,
          ref: category.ref,
          difficulty: 1,
        }),
        exampleTrueFalse(ctx, category, example, true, explanation),
      );
      out.push(exampleTrueFalse(ctx, category, wrong[0], false, explanation));
    }
    out.push(...selectAll(ctx, category, outsiders, explanation));
  }
  return dedupeById(out);
}

function kindOfQuestion(
  ctx: GeneratorContext,
  category: Category,
  example: string,
  siblings: Category[],
  explanation: string,
): Question[] {
  const homes = belongsTo(ctx.facts.categories, example);
  const wrong = siblings.filter((s) => !homes.has(s.name)).map((s) => s.name);
  if (wrong.length === 0) return [];
  return [
    makeQuestion(ctx, 'example-category', `${category.name}:${example}`, {
      type: 'single',
      prompt: ctx.t.kindOf(example, familyOf(category.ref.section.title, ctx.language)),
      ...choice(`kind:${example}`, category.name, stablePick(`kind:${example}`, wrong, MAX_OPTIONS - 1)),
      explanation,
      ref: category.ref,
      difficulty: 2,
    }),
  ];
}

function exampleTrueFalse(ctx: GeneratorContext, category: Category, example: string, truth: boolean, explanation: string): Question {
  const statement = ctx.t.isExampleOf(example, category.name);
  return trueFalseQuestion(ctx, 'truefalse-example', `${truth}:${category.name}:${example}`, statement, truth, explanation, category.ref);
}

/** "Select every example": two or three right, the rest from sibling categories. */
function selectAll(ctx: GeneratorContext, category: Category, outsiders: string[], explanation: string): Question[] {
  if (category.examples.length < 2 || outsiders.length < 2) return [];
  const right = stablePick(`all:${category.name}`, category.examples, Math.min(3, category.examples.length));
  const wrong = stablePick(`all-wrong:${category.name}`, outsiders, Math.min(5 - right.length, outsiders.length));
  const options = [...right, ...wrong].sort((a, b) => a.localeCompare(b));
  const correct = right.map((r) => options.indexOf(r)).sort((a, b) => a - b);
  return [
    makeQuestion(ctx, 'select-examples', category.name, {
      type: 'multiple',
      prompt: ctx.t.everyExampleOf(category.name),
      options,
      correct,
      explanation,
      ref: category.ref,
      difficulty: 3,
    }),
  ];
}

function dedupeById(questions: Question[]): Question[] {
  const seen = new Map<string, Question>();
  for (const q of questions) if (!seen.has(q.id)) seen.set(q.id, q);
  return [...seen.values()];
}
