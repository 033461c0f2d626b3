import type { Language } from '../parser/outline.js';

/**
 * One filter for every sentence a generator puts in front of students: a
 * sentence projected on its own must not lean on the slide around it.
 *
 * - `statement`: shown as a claim (true/false, a cloze, an explanation).
 * - `trait`: describes a term the question names or asks for, so it may
 *   start with a verb or "Su …" whose subject is that term.
 * - `option`: an answer option; a noun phrase ("Reducción del hardware necesario.") is fine.
 */
export type SentenceUse = 'statement' | 'trait' | 'option';

export type StandaloneProblem = 'connector' | 'reference' | 'aside' | 'fragment' | 'question' | 'markup' | 'too-short';

const CONNECTOR: Record<Language, RegExp> = {
  es: /^(luego|no obstante|sin embargo|en otras palabras|además|por ello|por eso|por tanto|por lo tanto|así pues|así|es decir|de esta (forma|manera)|de este modo|debido a (esto|ello|eso)|por ejemplo|asimismo|también|entonces|aun así|en cambio|finalmente|por último|incluso|o sea|igualmente|en resumen|pero|y|o)\b/i,
  en: /^(however|in other words|also|moreover|furthermore|therefore|thus|so|hence|then|besides|for example|for instance|that is|instead|still|likewise|finally|in short|in general|but|and|or)\b/i,
};

/** Words that point at something outside the sentence. */
const REFERENCE: Record<Language, RegExp> = {
  es: /(^|[^\p{L}])(dich[oa]s?|anterior(es)?|est[ao]s|este|esto|es[ao]s?|aquel(l[oa]s?)?|ello|ésta|éste|lo siguiente|siguientes|más arriba|hacer esto|igual (a|que) (la|el|lo) anterior)(?=$|[^\p{L}])/iu,
  en: /(^|[^\p{L}])(the former|the latter|the above|the previous|previous(ly)?|aforementioned|said|this|these|those|doing so|do this|same as)(?=$|[^\p{L}])/iu,
};

/** A pronoun subject that only the slide can resolve ("Su uso …", "It is …"). */
const LEADING_PRONOUN: Record<Language, RegExp> = {
  es: /^(su|sus|él|ella|ellos|ellas)\b/i,
  en: /^(it|its|they|their|he|she|them)\b/i,
};

const ASIDE: Record<Language, RegExp> = {
  es: /^(como curiosidad|curiosamente|por cierto|nota|ojo|dato curioso|anécdota)\b/i,
  en: /^(as a curiosity|curiously|fun fact|by the way|incidentally|note|trivia)\b/i,
};

/** A relative clause or a bare complement cut from the sentence it belonged to. */
const FRAGMENT_START: Record<Language, RegExp> = {
  es: /^(mediante (el|la|los|las) cual(es)?|(el|la|lo|los|las) cual(es)?|cuy[oa]s?|donde|que|con lo que|por lo que|a la que|al que)\b/i,
  en: /^(which|whose|where|who|whom|by which|through which|in which|that)\b/i,
};

/** Finite verbs (or the reflexive "se" that comes with one): a statement needs one. */
const SPANISH_VERB =
  /(^|\s)(es|son|está|están|fue|fueron|era|eran|hay|ha|han|había|puede|pueden|podría|tiene|tienen|permite|permiten|se|debe|deben|suele|suelen|sirve|sirven|consiste|consisten|existe|existen|hace|hacen|usa|usan|ofrece|ofrecen|proporciona|proporcionan|controla|controlan|muestra|muestran|necesita|necesitan|realiza|realizan|cubre|cubren|une|unen|conecta|conectan|identifica|traduce|reenvía|comparten|circulan|deja|dejan|afecta|afectan|genera|generan|puso|pusieron|hizo|hicieron|tuvo|tuvieron|dio|dieron|vino|vinieron|supuso|[\p{L}]{3,}(an|en|ó|aron|ieron|aba|aban|ía|ían|ará|erá|irá|amos|emos|imos))(?=$|[^\p{L}])/iu;
const ENGLISH_VERB = /(^|\s)(is|are|was|were|be|been|has|have|had|can|could|may|might|must|will|would|should|does|do|did|[\p{L}]{3,}(ed|es|s))(?=$|[^\p{L}])/iu;

/** What makes a sentence unfit to be shown alone, or null when it stands alone. */
export function standaloneProblem(sentence: string, language: Language, use: SentenceUse): StandaloneProblem | null {
  const text = sentence.trim().replace(/^[¡"«“]+/, '');
  if (/[*`#]|\]\(|_{2,}/.test(text)) return 'markup';
  if (/[¿?]/.test(text)) return 'question';
  if (text.endsWith(':')) return 'fragment';
  if (ASIDE[language].test(text)) return 'aside';
  if (CONNECTOR[language].test(text)) return 'connector';
  if (FRAGMENT_START[language].test(text)) return 'fragment';
  if (REFERENCE[language].test(text)) return 'reference';
  if (use !== 'trait' && LEADING_PRONOUN[language].test(text)) return 'reference';
  const words = text.split(/\s+/).filter(Boolean);
  if (use !== 'option' && words.length < 3) return 'too-short';
  if (
    use === 'statement' &&
    !(language === 'es' ? SPANISH_VERB : ENGLISH_VERB).test(` ${text.slice(text.indexOf(' ') + 1)}`) &&
    !hasVerbFirst(words[0] ?? '', language)
  ) {
    return 'fragment';
  }
  return null;
}

/** A statement that opens with its verb ("Permite …", "Stores …") is complete. */
function hasVerbFirst(word: string, language: Language): boolean {
  return (language === 'es' ? SPANISH_VERB : ENGLISH_VERB).test(` ${word}`) && !/(ción|sión|miento|dad|ncia|tion|ment|ness|ity)$/i.test(word);
}

/** Where a gloss's relative or subordinate clause starts: "Máquina | que posee …", "Costes difíciles de prever | cuando el uso varía". */
const CLAUSE_START: Record<Language, RegExp> = {
  es: /,|;|:|(?<![\p{L}])(que|cual|cuales|cuyo|cuya|donde|mediante|cuando|si|porque|aunque)(?![\p{L}])/iu,
  en: /,|;|:|(?<![\p{L}])(that|which|who|whose|where|by which|when|if|because|although)(?![\p{L}])/iu,
};

/**
 * Whether a text says something (a verb before any relative clause: "Es el
 * núcleo de …", "Las máquinas virtuales comparten …") rather than naming a
 * thing (a gloss: "Máquina que posee …", "Ocultación de la complejidad …").
 * A trait among glosses is picked by its shape alone.
 */
export function isClause(text: string, language: Language): boolean {
  const cut = CLAUSE_START[language].exec(text);
  const main = (cut ? text.slice(0, cut.index) : text).trim();
  const [first, ...rest] = main.split(/\s+/).filter(Boolean);
  if (first === undefined) return false;
  if (hasVerbFirst(first, language)) return true;
  return (language === 'es' ? SPANISH_VERB : ENGLISH_FINITE_VERB).test(` ${rest.join(' ')}`);
}

/** ENGLISH_VERB without "-ed": "A digest computed with …" is a gloss, its participle no main verb. */
const ENGLISH_FINITE_VERB =
  /(^|\s)(is|are|was|were|be|been|has|have|had|can|cannot|could|may|might|must|will|would|should|does|do|did|[\p{L}]{3,}(es|s))(?=$|[^\p{L}])/iu;

export function standsAlone(sentence: string, language: Language, use: SentenceUse): boolean {
  return standaloneProblem(sentence, language, use) === null;
}

/**
 * Drops a parenthetical that only makes sense on the slide ("(cosa que no
 * era necesario en las técnicas anteriores)"), keeping the sentence.
 */
export function withoutContextAsides(sentence: string, language: Language): string {
  return sentence
    .replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (REFERENCE[language].test(inner) ? '' : whole))
    .replace(/\s+([.,;])/g, '$1')
    .trim();
}

/** Where a clause that leans on the slide can be cut off: "…en los sistemas x86 para solucionar muchos de estos problemas". */
const CLAUSE_BREAK: Record<Language, RegExp> = {
  es: /,?\s+(para|porque|ya que|pues|lo cual|con lo que|debido a|sin tener en cuenta|cuando)\s+/gi,
  en: /,?\s+(to|because|since|which|so that|due to|when)\s+/gi,
};

/**
 * The sentence as it can be shown alone, or null: context-bound
 * parentheticals are dropped, and a trailing clause that points back at the
 * slide ("… para solucionar muchos de estos problemas") is cut when what
 * remains is still a sentence.
 */
export function standaloneVersion(sentence: string, language: Language, use: SentenceUse): string | null {
  let text = withoutContextAsides(sentence, language);
  if (!standsAlone(text, language, use) && standaloneProblem(text, language, use) === 'reference') {
    const cut = cutBeforeReference(text, language);
    if (cut) text = cut;
  }
  return standsAlone(text, language, use) ? text : null;
}

function cutBeforeReference(text: string, language: Language): string | null {
  const reference = REFERENCE[language].exec(text);
  if (!reference || reference.index < 12) return null;
  let cutAt = -1;
  for (const m of text.matchAll(CLAUSE_BREAK[language])) if (m.index < reference.index) cutAt = m.index;
  if (cutAt <= 0) return null;
  const kept = text
    .slice(0, cutAt)
    .trim()
    .replace(/[,;:]$/, '');
  // "Es el propio kernel del SO el que se usa" lost what it is used for: nothing worth keeping.
  if (/\b(que|which|that)\s+(se\s+)?\S+$/i.test(kept)) return null;
  return `${kept}.`;
}
