import { Profanity, profaneWords } from '@2toad/profanity';

/**
 * Offensive nicknames are refused, in the course's two languages, from a
 * maintained word list (@2toad/profanity) rather than a list of our own.
 * Whole words only, so "Análisis" or "Scunthorpe" pass; each name is checked
 * as typed and with its accents folded ("cabrón" and "cabron").
 * What a word list cannot catch (spaced-out letters, a word inside a longer
 * one, slurs the list lacks) is left to the teacher's kick.
 */
const LANGUAGES = ['en', 'es'];
const foldAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
/** Digits and symbols typed for the letters they look like. */
const LOOKALIKE_LETTERS: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '@': 'a', $: 's', '5': 's' };

const filter = new Profanity({ languages: LANGUAGES, wholeWord: true });
// Phones often type without accents: the list's words are matched folded too.
filter.addWords(LANGUAGES.flatMap((lang) => profaneWords.get(lang) ?? []).map(foldAccents));

export function isOffensiveName(nickname: string): boolean {
  const lower = nickname.toLocaleLowerCase();
  // Digits and separators used as letters or spaces ("sh1t", "puta_madre") are read as the letters they stand for.
  const plain = foldAccents(lower)
    .replace(/[_.-]+/g, ' ')
    .replace(/[0134@$5]/g, (c) => LOOKALIKE_LETTERS[c] ?? c);
  return filter.exists(lower) || filter.exists(foldAccents(lower)) || filter.exists(plain);
}
