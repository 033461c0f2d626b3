import type { Language } from './parser/outline.js';

/**
 * Every sentence a generated question can say, per language. Prompts are
 * built only from these, so Spanish decks read as Spanish and English as English.
 */
export interface Templates {
  termForDefinition(definition: string): string;
  definitionOfTerm(term: string): string;
  trueFalse(statement: string): string;
  isDefinedAs(term: string, definition: string): string;
  kindOf(example: string, family: string | null): string;
  exampleOf(category: string): string;
  everyExampleOf(category: string): string;
  isExampleOf(example: string, category: string): string;
  fillNumber(cloze: string): string;
  notIn(list: string): string;
  orderHistory(): string;
  trueFalseOptions: [string, string];
  explainDefinition(term: string, definition: string): string;
  explainExamples(category: string, examples: string[]): string;
  explainFrom(sentence: string): string;
  belongsElsewhere(statement: string, home: string, asked: string): string;
  blank: string;
}

const es: Templates = {
  termForDefinition: (d) => `¿Qué concepto del tema se define así? «${d}»`,
  definitionOfTerm: (t) => `¿Cuál es la definición correcta de «${t}»?`,
  trueFalse: (s) => `¿Verdadero o falso? ${s}`,
  isDefinedAs: (t, d) => `«${t}»: ${lowerFirst(d)}`,
  kindOf: (e, family) => (family ? `¿Qué tipo de ${family} es «${e}»?` : `¿En qué categoría del tema encaja «${e}»?`),
  exampleOf: (c) => `¿Cuál de estos es un ejemplo de «${c}»?`,
  everyExampleOf: (c) => `Selecciona todos los ejemplos de «${c}».`,
  isExampleOf: (e, c) => `«${e}» es un ejemplo de «${c}».`,
  fillNumber: (cloze) => `Completa el dato que falta: «${cloze}»`,
  notIn: (l) => `¿Cuál de estas afirmaciones NO corresponde a «${l}»?`,
  orderHistory: () => 'Ordena estos hitos de la historia del más antiguo al más reciente.',
  trueFalseOptions: ['Verdadero', 'Falso'],
  explainDefinition: (t, d) => `«${t}»: ${lowerFirst(d)}`,
  explainExamples: (c, ex) => `Ejemplos de «${c}» en el tema: ${ex.join(', ')}.`,
  explainFrom: (s) => `Según el tema: «${s}»`,
  belongsElsewhere: (s, home, asked) => `«${s}» corresponde a «${home}», no a «${asked}».`,
  blank: '___',
};

const en: Templates = {
  termForDefinition: (d) => `Which concept from the lesson is defined like this? "${d}"`,
  definitionOfTerm: (t) => `What is the correct definition of "${t}"?`,
  trueFalse: (s) => `True or false? ${s}`,
  isDefinedAs: (t, d) => `"${t}": ${lowerFirst(d)}`,
  kindOf: (e, family) => (family ? `What type of ${family} is "${e}"?` : `Which category of the lesson does "${e}" belong to?`),
  exampleOf: (c) => `Which of these is an example of "${c}"?`,
  everyExampleOf: (c) => `Select every example of "${c}".`,
  isExampleOf: (e, c) => `"${e}" is an example of "${c}".`,
  fillNumber: (cloze) => `Fill in the missing figure: "${cloze}"`,
  notIn: (l) => `Which of these statements does NOT belong to "${l}"?`,
  orderHistory: () => 'Put these milestones in order, oldest first.',
  trueFalseOptions: ['True', 'False'],
  explainDefinition: (t, d) => `"${t}": ${lowerFirst(d)}`,
  explainExamples: (c, ex) => `Examples of "${c}" in the lesson: ${ex.join(', ')}.`,
  explainFrom: (s) => `From the lesson: "${s}"`,
  belongsElsewhere: (s, home, asked) => `"${s}" belongs to "${home}", not to "${asked}".`,
  blank: '___',
};

function lowerFirst(text: string): string {
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
  const m = /^(?:tipos? de|types? of|kinds? of)\s+(.+)$/i.exec(sectionTitle.trim());
  if (!m) return null;
  const words = m[1].toLocaleLowerCase().split(/\s+/);
  const noun = words.length <= 2 ? words.at(-1)! : words[0];
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
