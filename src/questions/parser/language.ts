import type { Language } from './outline.js';

const SPANISH = ['el', 'la', 'los', 'las', 'de', 'del', 'que', 'en', 'un', 'una', 'es', 'por', 'con', 'para', 'se', 'y'];
const ENGLISH = ['the', 'of', 'and', 'to', 'in', 'is', 'a', 'an', 'that', 'for', 'with', 'are', 'by', 'on', 'it', 'as'];

/** Counts common function words; a deck in English gets English templates. */
export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  const count = (list: string[]) => words.filter((w) => list.includes(w)).length;
  return count(ENGLISH) > count(SPANISH) ? 'en' : 'es';
}
