import { foldAccents } from './text/stemming.js';
import type { Question } from './question.js';

/**
 * Whether two questions must not share a round because one gives the other
 * away: its prompt, its right answer or its explanation (shown after each
 * question) states the other's answer next to what the other asks about
 * ("Ejemplos de «Virtualización nativa»: KVM, Xen…" before "¿Qué tipo de
 * virtualización es «Xen»?"), or both state the same claim.
 */
export function revealsEachOther(a: Question, b: Question): boolean {
  const fa = featuresOf(a);
  const fb = featuresOf(b);
  return answers(fa, fb) || answers(fb, fa) || sameClaim(fa, fb) || sameClaim(fb, fa);
}

interface Features {
  /** What a player sees as true: the prompt, the right options, the explanation. */
  shown: string;
  /** The right answer(s) as phrases. */
  answers: string[];
  /** What the question is about: the phrases it quotes. */
  subjects: string[];
  /** A true/false claim without quoted names, as words, to match the same claim said elsewhere. */
  claimWords: Set<string> | null;
}

const cache = new WeakMap<Question, Features>();

function featuresOf(q: Question): Features {
  let f = cache.get(q);
  if (f) return f;
  const right = q.type === 'typed' ? q.accepted.slice(0, 1) : q.type === 'single' || q.type === 'multiple' ? q.correct.flatMap((i) => q.options[i] ?? []) : [];
  const subjects = quoted(q.prompt);
  f = {
    shown: fold([q.prompt, ...right, q.explanation].join(' \u0001 ')),
    answers: right.map(fold).filter((a) => a.length >= 2),
    subjects: subjects.map(fold),
    claimWords: q.type === 'truefalse' ? new Set(words(q.prompt)) : null,
  };
  cache.set(q, f);
  return f;
}

/** `q`'s answer is shown by `other`, next to one of the things `q` asks about (when it names any). */
function answers(q: Features, other: Features): boolean {
  return q.answers.some(
    (answer) => containsPhrase(other.shown, answer) && (q.subjects.length === 0 || q.subjects.some((s) => s !== answer && containsPhrase(other.shown, s))),
  );
}

/** A true/false statement whose words are (nearly) all in the other question: the same claim. */
function sameClaim(q: Features, other: Features): boolean {
  if (q.subjects.length >= 2) return q.subjects.every((s) => containsPhrase(other.shown, s));
  if (!q.claimWords || q.claimWords.size < 4) return false;
  const otherWords = new Set(words(other.shown));
  const shared = [...q.claimWords].filter((w) => otherWords.has(w)).length;
  return shared / q.claimWords.size >= 0.8;
}

function quoted(text: string): string[] {
  return [...text.matchAll(/«([^»]+)»|"([^"]+)"/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/[.]$/, '').trim()).filter((s) => s.length >= 2);
}

function fold(text: string): string {
  return ` ${foldAccents(text)
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim()} `;
}

function containsPhrase(haystack: string, phrase: string): boolean {
  return haystack.includes(phrase.startsWith(' ') ? phrase : ` ${phrase.trim()} `);
}

const FILLER = new Set([
  'verdadero',
  'falso',
  'true',
  'false',
  'or',
  'o',
  'el',
  'la',
  'los',
  'las',
  'de',
  'del',
  'en',
  'un',
  'una',
  'the',
  'a',
  'an',
  'of',
  'in',
  'is',
  'es',
  'que',
  'se',
  'y',
  'and',
]);

function words(text: string): string[] {
  return fold(text)
    .split(' ')
    .filter((w) => w.length > 1 && !FILLER.has(w));
}
