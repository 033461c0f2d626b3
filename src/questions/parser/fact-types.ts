import type { SourceRef } from './outline.js';

/**
 * What the generators build questions from: facts pulled out of the outline,
 * each with the slide and sentence it comes from. Terms that sit in the same
 * list (the same topic of the same section) share a `group`: they are each
 * other's siblings, and only siblings make distractors.
 */
export interface Definition {
  term: string;
  definition: string;
  group: string;
  ref: SourceRef;
}

export interface Category {
  name: string;
  examples: string[];
  group: string;
  ref: SourceRef;
}

/** A statement about a term that is not its definition ("No puede usar virtualización por hardware."). */
export interface Trait {
  term: string;
  text: string;
  group: string;
  ref: SourceRef;
}

export interface NumericFact {
  /** The number as written ("1999", "60", "20-30%"). */
  value: string;
  /** Year the fact dates from, when it is a date (for ordering history). */
  year: number | null;
  /** Whether it may be asked as a typed answer: one figure, the sentence is about it, not an aside. */
  askable: boolean;
  /** Whether the sentence can be shown on its own (a history milestone to order). */
  standalone: boolean;
  ref: SourceRef;
}

export interface Statement {
  text: string;
  ref: SourceRef;
}

/** Advantages and drawbacks the deck lists, of one term or (owner null) of the deck's subject. */
export interface Stance {
  owner: string | null;
  advantages: Statement[];
  drawbacks: Statement[];
}

/** A claim that holds for one side of a two-way contrast, and its false mirror for the other side. */
export interface ContrastClaim {
  holder: string;
  /** The claim as it can be asked about the holder ("tiene esta ventaja …", a trait). */
  text: string;
  /** The claim names its holder ("En la nube privada, …"): asked only as a statement, never as "which of the two". */
  namesHolder: boolean;
  /** The sentence with the other side's name put in, when it names its holder and still reads right so. */
  mirrored: string | null;
  /** "advantage": an advantage of the holder over the other side; "trait": true of the holder only. */
  nature: 'advantage' | 'trait';
  ref: SourceRef;
}

/** Exactly two siblings the deck sets against each other (Tipo I / Tipo II, "A versus B"). */
export interface Contrast {
  sides: [string, string];
  claims: ContrastClaim[];
}

/** The side of a contrast that is not `side`. */
export function otherSide(sides: readonly [string, string], side: string): string {
  return sides[0] === side ? sides[1] : sides[0];
}

export interface DeckFacts {
  definitions: Definition[];
  categories: Category[];
  traits: Trait[];
  numbers: NumericFact[];
  stances: Stance[];
  contrasts: Contrast[];
  /** Sections whose bullets are questions for the class (answered by a curated bank). */
  openQuestions: string[];
}
