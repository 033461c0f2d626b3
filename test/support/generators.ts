import { extractFacts } from '../../src/questions/parser/facts.js';
import { generatorContext, type GeneratorContext } from '../../src/questions/generators/generator-context.js';
import { outlineOf } from './decks.js';

export function contextFor(file: string, deckId = 'deck'): GeneratorContext {
  const outline = outlineOf(file);
  return generatorContext(deckId, outline.language, extractFacts(outline));
}

export const rightOptions = (q: { options: string[]; correct: number[] }) => q.correct.map((i) => q.options[i]);
export const wrongOptions = (q: { options: string[]; correct: number[] }) => q.options.filter((_, i) => !q.correct.includes(i));
