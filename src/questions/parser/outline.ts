/**
 * A lecture deck as the generators see it: numbered sections, slides merged
 * by topic, and bullet items that keep their bold lead term and sub-bullets.
 */
export type Language = 'es' | 'en';

export interface OutlineItem {
  /** The whole bullet as plain text (markdown emphasis removed). */
  text: string;
  /** Bold lead term ("Hypervisor o Virtual Machine Monitor (VMM)"), without its colon. */
  lead: string | null;
  /** What follows the lead on the same bullet (may be empty). */
  rest: string;
  children: OutlineItem[];
  /** Title of the slide the bullet is on ("Virtualización de la plataforma (III)"), to cite it. */
  slide: string;
}

export interface OutlineTopic {
  /** Slide title without its continuation numeral: "Virtualización de la plataforma". */
  title: string;
  /** Every slide title merged into this topic, in order. */
  slides: string[];
  items: OutlineItem[];
}

export interface OutlineSection {
  number: number;
  title: string;
  /** "7. Tipos de Hypervisor", as shown to students as the place to review. */
  label: string;
  topics: OutlineTopic[];
}

export interface Outline {
  title: string;
  language: Language;
  sections: OutlineSection[];
}

/** Where a fact came from, down to the sentence. */
export interface SourceRef {
  section: OutlineSection;
  slide: string;
  sentence: string;
}
