import { familyOf } from '../templates.js';
import { acronymsOf, stemsOf } from '../text/stemming.js';
import type { Category } from '../parser/facts.js';
import type { Question } from '../question.js';
import { drawChoice, makeQuestion, stablePick, trueFalseQuestion, type GeneratorContext } from './generator-context.js';

const MAX_OPTIONS = 4;

/**
 * A distractor must not be right anywhere in the deck: VMware Workstation is
 * listed under native virtualization and under type II hypervisors, so it is
 * never offered as a wrong answer for either.
 */
function homesOf(categories: Category[], example: string): Set<string> {
  return new Set(categories.filter((c) => c.examples.includes(example)).map((c) => c.name));
}

/** Categories of the same list (the same set of hypervisor types, the same service models). */
function siblingsOf(categories: Category[], c: Category): Category[] {
  return categories.filter((o) => o !== c && o.group === c.group && o.name !== c.name);
}

export function exampleQuestions(ctx: GeneratorContext): Question[] {
  const { categories } = ctx.facts;
  const out: Question[] = [];
  for (const category of categories) {
    const siblings = siblingsOf(categories, category);
    if (siblings.length === 0) continue;
    // "Synology DiskStation NAS" is not SAN nor object storage by its name alone: never a wrong option or the odd one out.
    const outsiders = [...new Set(siblings.flatMap((s) => s.examples))].filter(
      (e) => !homesOf(categories, e).has(category.name) && ![...homesOf(categories, e)].some((home) => namesCategory(ctx, e, home)),
    );
    const explanation = ctx.t.explainExamples(category.name, category.examples);
    for (const [index, example] of category.examples.entries()) {
      const kindOf = kindOfQuestion(ctx, category, example, siblings, explanation);
      if (kindOf) out.push(kindOf);
      // The same fact asked three ways is redundant: every example gets "which type is it?",
      // and, alternately, a true statement or "which of these is an example of X?".
      if (index % 2 === 0 || outsiders.length < 2) {
        if (!namesCategory(ctx, example, category.name)) out.push(exampleTrueFalse(ctx, category, example, true, explanation));
        continue;
      }
      const which = drawChoice(ctx, 'which-example', `${category.name}:${example}`, example, outsiders, MAX_OPTIONS - 1, () => ({
        prompt: ctx.t.exampleOf(category.name),
        explanation,
        ref: category.ref,
        difficulty: 1,
      }));
      if (which) out.push(which);
    }
    // False claims: a sibling's example said to be one of these, each outsider at most once.
    const believable = outsiders.filter(
      (o) => !namesCategory(ctx, o, category.name) && !siblings.some((s) => s.examples.includes(o) && namesCategory(ctx, o, s.name)),
    );
    for (const outsider of stablePick(`tf-false:${category.name}`, believable, Math.min(believable.length, Math.ceil(category.examples.length / 2)))) {
      out.push(exampleTrueFalse(ctx, category, outsider, false, explanation));
    }
    out.push(...selectAll(ctx, category, outsiders, explanation));
    out.push(...whichNot(ctx, category, outsiders, explanation));
  }
  return dedupeById(out);
}

/** "Redes de fibra municipales", "Enlaces por satélite": a descriptive plural, not a product name. */
function isPluralPhrase(example: string): boolean {
  const [first = '', ...rest] = example.split(/\s+/);
  return rest.length >= 2 && /^\p{Lu}\p{Ll}+s$/u.test(first);
}

/** "Morris worm" is an example of "Worm": the name answers the question. */
function namesCategory(ctx: GeneratorContext, example: string, category: string): boolean {
  const name = stemsOf(category, ctx.language);
  return (
    stemsOf(example, ctx.language).some((s) => name.includes(s)) ||
    acronymsOf(category).some((a) => acronymsOf(example).includes(a) || stemsOf(example, ctx.language).includes(a))
  );
}

function kindOfQuestion(ctx: GeneratorContext, category: Category, example: string, siblings: Category[], explanation: string): Question | null {
  const homes = homesOf(ctx.facts.categories, example);
  const wrong = siblings.filter((s) => !homes.has(s.name)).map((s) => s.name);
  if (wrong.length === 0) return null;
  return drawChoice(ctx, 'example-category', `${category.name}:${example}`, category.name, wrong, MAX_OPTIONS - 1, () => ({
    prompt: ctx.t.kindOf(example, familyOf(category.ref.section.title, ctx.language), isPluralPhrase(example)),
    explanation,
    ref: category.ref,
    difficulty: 2,
  }));
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

/**
 * "Which is NOT an example of X": three of X's examples and one of a
 * sibling's that the deck never lists under X. Built only on example lists,
 * which a heading or a lead-in ("Ejemplos:") declares as such.
 */
function whichNot(ctx: GeneratorContext, category: Category, outsiders: string[], explanation: string): Question[] {
  if (category.examples.length < 3 || outsiders.length === 0) return [];
  const out: Question[] = [];
  for (const intruder of stablePick(`not:${category.name}`, outsiders, 2)) {
    const members = stablePick(`not:${category.name}:${intruder}`, category.examples, MAX_OPTIONS - 1);
    const q = drawChoice(ctx, 'which-not', `${category.name}:${intruder}`, intruder, members, MAX_OPTIONS - 1, () => ({
      prompt: ctx.t.notExampleOf(category.name),
      explanation,
      ref: category.ref,
      difficulty: 2,
    }));
    if (q) out.push(q);
  }
  return out;
}

/**
 * One question per id, and one "select every example" per set of options: in
 * a list of two categories (Tipo I / Tipo II), selecting the examples of one
 * from the same five names is selecting the other's, the same question twice.
 */
function dedupeById(questions: Question[]): Question[] {
  const seen = new Map<string, Question>();
  const selections = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.id)) continue;
    if (q.kind === 'select-examples') {
      const options = [...q.options].sort().join('\u0000');
      if (selections.has(options)) continue;
      selections.add(options);
    }
    seen.set(q.id, q);
  }
  return [...seen.values()];
}
