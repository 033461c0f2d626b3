import { normalizeTyped } from '../answer-matching.js';
import type { FactList } from '../parser/facts.js';
import type { Question } from '../question.js';
import { choice, makeQuestion, stablePick, type GeneratorContext } from './generator-context.js';

/** Lists are paired with their siblings: term lists within a section, section lists across sections. */
function isSectionList(list: FactList): boolean {
  return list.title === list.ref.section.label;
}

/** Term lists pair within their section; section lists with the neighbouring sections (Utilidad ↔ Inconvenientes). */
function partners(all: FactList[], list: FactList): FactList[] {
  return all.filter((o) => {
    if (o === list || isSectionList(o) !== isSectionList(list)) return false;
    if (!isSectionList(list)) return o.ref.section === list.ref.section;
    return Math.abs(o.ref.section.number - list.ref.section.number) === 1;
  });
}

/** "Which is NOT …": three statements from the list, the odd one from a sibling list. */
export function listQuestions(ctx: GeneratorContext): Question[] {
  const out: Question[] = [];
  for (const list of ctx.facts.lists) {
    if (list.items.length < 3) continue;
    const inList = new Set(list.items.map(normalizeTyped));
    const odd = partners(ctx.facts.lists, list)
      .flatMap((p) => p.items.map((item) => ({ item, home: p.title })))
      .filter((o) => !inList.has(normalizeTyped(o.item)));
    for (const { item: intruder, home } of stablePick(`not:${list.title}`, odd, 2)) {
      const members = stablePick(`not:${list.title}:${intruder}`, list.items, 3);
      out.push(
        makeQuestion(ctx, 'which-not', `${list.title}:${intruder}`, {
          type: 'single',
          prompt: ctx.t.notIn(list.title),
          ...choice(`not:${list.title}:${intruder}`, intruder, members),
          explanation: ctx.t.belongsElsewhere(intruder, home, list.title),
          ref: list.ref,
          difficulty: 2,
        }),
      );
    }
  }
  return out;
}
