import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish';
import type { Language } from '../parser/outline.js';

const STEMMERS: Record<Language, (word: string) => string> = { es: spanishStemmer, en: englishStemmer };

/** Words that carry no topic: articles, prepositions, conjunctions and the like. */
const STOP_WORDS = new Set(
  [
    'el la los las lo un una unos unas de del al a en y o u e que se su sus con por para como sin sobre entre mas muy es son ser esta estan este esto ese eso ni le les',
    // Interrogatives, relatives, "no": the "cuál" of "¿Cuál es …?" meeting the "la cual" of an option, or
    // the "no" of "y no como un inconveniente" meeting "no afectan", is no clue.
    'cual cuales cuyo cuya cuyos cuyas quien quienes donde cuando cuanto cuanta cuantos cuantas no estas estos',
    'the a an of and or to in on for with by as at from that this these those is are be it its into than then can may',
    'which what who whom whose where when how not',
  ]
    .join(' ')
    .split(' '),
);

/** Lower case without accents: "Virtualización" → "virtualizacion". */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** The words of a text, lower-cased, accents kept (the stemmers expect them). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Snowball stems of the meaningful words, accent-folded, so "memoria" meets
 * "Memoria virtual" and "virtualizada" meets "Virtualización".
 */
export function stemsOf(text: string, language: Language): string[] {
  const stem = STEMMERS[language];
  return wordsOf(text)
    .filter((w) => !STOP_WORDS.has(foldAccents(w)) && (w.length >= 2 || /\d/.test(w)))
    .map((w) => foldAccents(stem(w)));
}

/** Acronyms a name carries: "Function as a Service (FaaS)" → ["faas"]; "PAN" → ["pan"]. */
export function acronymsOf(text: string): string[] {
  const found = text.match(/\b[\p{Lu}][\p{Lu}\p{Ll}]*[\p{Lu}]\p{Ll}?\b|\b\p{Lu}{2,}\b/gu) ?? [];
  return [...new Set(found.filter((a) => /\p{Lu}.*\p{Lu}/u.test(a)).map((a) => foldAccents(a)))];
}
