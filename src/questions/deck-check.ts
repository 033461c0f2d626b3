import type { Deck } from './deck.js';
import { isOpenQuestionSection } from './parser/facts.js';
import { questionProblems } from './question-quality.js';

/**
 * What makes a deck unfit to play: a question that breaks a rule, a
 * numbered section that yields nothing (but the closing "Cuestiones", which
 * only a curated bank answers), or no questions at all. Generated
 * candidates that were dropped are reported by the bank as warnings, not here.
 */
export function deckProblems(deck: Deck): string[] {
  const problems: string[] = [];
  if (deck.questions.length === 0) problems.push('the deck yields no questions');
  for (const section of deck.sections) {
    const open = isOpenQuestionSection(section.label.replace(/^\d+\.?\s*/, ''));
    if (section.questionCount === 0 && !open) problems.push(`section "${section.label}" yields no questions`);
  }
  const ids = new Set<string>();
  for (const q of deck.questions) {
    if (ids.has(q.id)) problems.push(`question ${q.id}: duplicate id`);
    ids.add(q.id);
    const found = questionProblems(q);
    if (found.length) problems.push(`question ${q.id}: ${found.join('; ')}`);
  }
  return problems;
}
