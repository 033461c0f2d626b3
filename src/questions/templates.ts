import type { Language } from './parser/outline.js';

/**
 * Every sentence a generated question can say, per language. Prompts are
 * built only from these, so Spanish decks read as Spanish and English as English.
 */
export interface Templates {
  termForDefinition(definition: string): string;
  definitionOfTerm(term: string): string;
  typeTerm(definition: string): string;
  trueFalse(statement: string): string;
  isDefinedAs(term: string, definition: string): string;
  kindOf(example: string, family: string | null, plural: boolean): string;
  exampleOf(category: string): string;
  everyExampleOf(category: string): string;
  isExampleOf(example: string, category: string): string;
  fillNumber(cloze: string): string;
  notExampleOf(category: string): string;
  traitToTerm(trait: string, family: string | null): string;
  traitOf(term: string): string;
  whichOfTwo(claim: string): string;
  advantageOfTwo(claim: string): string;
  advantageOver(holder: string, other: string, claim: string): string;
  whichAdvantage(owner: string | null): string;
  whichDrawback(owner: string | null): string;
  explainStance(right: string, isAdvantage: boolean, owner: string | null): string;
  orderHistory(): string;
  trueFalseOptions: [string, string];
  explainDefinition(term: string, definition: string): string;
  explainExamples(category: string, examples: string[]): string;
  explainFrom(sentence: string): string;
  blank: string;
}

const es: Templates = {
  termForDefinition: (d) => `¿Qué concepto del tema se define así? «${d}»`,
  definitionOfTerm: (t) => `¿Cuál es la definición correcta de «${t}»?`,
  typeTerm: (d) => `Escribe el concepto del tema que se define así: «${d}»`,
  trueFalse: (s) => `¿Verdadero o falso? ${s}`,
  isDefinedAs: (t, d) => `«${t}»: ${lowerFirst(d)}`,
  kindOf: (e, family, plural) =>
    family ? `¿Qué tipo de ${family} ${plural ? 'son' : 'es'} «${e}»?` : `¿En qué categoría del tema encaja${plural ? 'n' : ''} «${e}»?`,
  exampleOf: (c) => `¿Cuál de estos es un ejemplo de «${c}»?`,
  everyExampleOf: (c) => `Selecciona todos los ejemplos de «${c}».`,
  isExampleOf: (e, c) => `«${e}» es un ejemplo de «${c}».`,
  fillNumber: (cloze) => `Completa el dato que falta: «${cloze}»`,
  notExampleOf: (c) => `¿Cuál de estos NO es un ejemplo de «${c}»?`,
  traitToTerm: (trait, family) =>
    family
      ? `Según el tema, ¿a qué tipo de ${family} corresponde esta característica? «${trait}»`
      : `Según el tema, ¿a qué concepto corresponde esta característica? «${trait}»`,
  traitOf: (t) => `Según el tema, ¿cuál de estas es una característica de «${t}»?`,
  whichOfTwo: (claim) => `Según el tema, ¿a cuál de los dos corresponde esta característica? «${claim}»`,
  advantageOfTwo: (claim) => `Según el tema, ¿cuál de los dos tiene esta ventaja frente al otro? «${claim}»`,
  advantageOver: (holder, other, claim) => `Una ventaja de «${holder}» frente a «${other}»: ${lowerFirst(claim)}`,
  whichAdvantage: (owner) =>
    owner ? `Según el tema, ¿cuál de estas es una ventaja de «${owner}»?` : '¿Cuál de estas presenta el tema como una ventaja, y no como un inconveniente?',
  whichDrawback: (owner) =>
    owner
      ? `Según el tema, ¿cuál de estas es un inconveniente de «${owner}»?`
      : '¿Cuál de estas presenta el tema como un inconveniente, y no como una ventaja?',
  explainStance: (right, isAdvantage, owner) =>
    `El tema presenta «${right}» como ${isAdvantage ? 'una ventaja' : 'un inconveniente'}${owner ? ` de «${owner}»` : ''}.`,
  orderHistory: () => 'Ordena estos hitos de la historia del más antiguo al más reciente.',
  trueFalseOptions: ['Verdadero', 'Falso'],
  explainDefinition: (t, d) => `«${t}»: ${lowerFirst(d)}`,
  explainExamples: (c, ex) => `Ejemplos de «${c}» en el tema: ${ex.join(', ')}.`,
  explainFrom: (s) => `Según el tema: «${s}»`,
  blank: '___',
};

const en: Templates = {
  termForDefinition: (d) => `Which concept from the lesson is defined like this? "${d}"`,
  definitionOfTerm: (t) => `What is the correct definition of "${t}"?`,
  typeTerm: (d) => `Type the concept from the lesson that is defined like this: "${d}"`,
  trueFalse: (s) => `True or false? ${s}`,
  isDefinedAs: (t, d) => `"${t}": ${lowerFirst(d)}`,
  kindOf: (e, family, plural) =>
    family ? `What type of ${family} ${plural ? 'are' : 'is'} "${e}"?` : `Which category of the lesson ${plural ? 'do' : 'does'} "${e}" belong to?`,
  exampleOf: (c) => `Which of these is an example of "${c}"?`,
  everyExampleOf: (c) => `Select every example of "${c}".`,
  isExampleOf: (e, c) => `"${e}" is an example of "${c}".`,
  fillNumber: (cloze) => `Fill in the missing figure: "${cloze}"`,
  notExampleOf: (c) => `Which of these is NOT an example of "${c}"?`,
  traitToTerm: (trait, family) =>
    family
      ? `According to the lesson, which type of ${family} has this feature? "${trait}"`
      : `According to the lesson, which concept has this feature? "${trait}"`,
  traitOf: (t) => `According to the lesson, which of these is a feature of "${t}"?`,
  whichOfTwo: (claim) => `According to the lesson, which of the two does this describe? "${claim}"`,
  advantageOfTwo: (claim) => `According to the lesson, which of the two has this advantage over the other? "${claim}"`,
  advantageOver: (holder, other, claim) => `An advantage of "${holder}" over "${other}": ${lowerFirst(claim)}`,
  whichAdvantage: (owner) =>
    owner
      ? `According to the lesson, which of these is an advantage of "${owner}"?`
      : 'Which of these does the lesson present as an advantage, not a drawback?',
  whichDrawback: (owner) =>
    owner ? `According to the lesson, which of these is a drawback of "${owner}"?` : 'Which of these does the lesson present as a drawback, not an advantage?',
  explainStance: (right, isAdvantage, owner) =>
    `The lesson presents "${right}" as ${isAdvantage ? 'an advantage' : 'a drawback'}${owner ? ` of "${owner}"` : ''}.`,
  orderHistory: () => 'Put these milestones in order, oldest first.',
  trueFalseOptions: ['True', 'False'],
  explainDefinition: (t, d) => `"${t}": ${lowerFirst(d)}`,
  explainExamples: (c, ex) => `Examples of "${c}" in the lesson: ${ex.join(', ')}.`,
  explainFrom: (s) => `From the lesson: "${s}"`,
  blank: '___',
};

export function lowerFirst(text: string): string {
  // Keep acronyms and proper names ("SO", "IBM") as written.
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

export const TEMPLATES: Record<Language, Templates> = { es, en };

/**
 * "Tipos de Hypervisor" → "hypervisor", "Tipos de redes según su alcance" → "red",
 * "Types of databases" → "database": the noun a "¿Qué tipo de … es X?" question asks about.
 */
export function familyOf(sectionTitle: string, language: Language): string | null {
  const family = /^(?:tipos? de|types? of|kinds? of)\s+(.+)$/i.exec(sectionTitle.trim())?.[1];
  if (!family) return null;
  const words = family.toLocaleLowerCase().split(/\s+/);
  const noun = (words.length <= 2 ? words.at(-1) : words[0]) ?? family;
  const head = words.length <= 2 ? words.slice(0, -1) : [];
  return [...head, singular(noun, language)].join(' ');
}

function singular(word: string, language: Language): string {
  if (language === 'en') return /[^s]s$/.test(word) && word.length > 3 ? word.slice(0, -1) : word;
  if (word.endsWith('iones')) return `${word.slice(0, -5)}ión`;
  if (/[dlnrz]es$/.test(word)) return word.slice(0, -2);
  if (/[aeiouáéíóú]s$/.test(word)) return word.slice(0, -1);
  return word;
}
