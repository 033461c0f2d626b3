import slugify from 'slugify';
import type { Deck } from '../deck.js';
import { buildDeck } from '../deck-file.js';
import { parseDeck } from '../parser/deck-parser.js';
import type { Question } from '../question.js';

export interface DeckBuildJob {
  /** The id to use; without one it is a slug of the deck's title. */
  id?: string;
  markdown: string;
  curated: Question[];
}

/** What a build reports back (plain data: it crosses a worker boundary). */
export type DeckBuildResult = { ok: true; deck: Deck } | { ok: false; message: string };

/** The whole CPU-heavy part of a deck: parse, derive the id, generate and check the bank. */
export function runDeckBuild(job: DeckBuildJob): DeckBuildResult {
  try {
    // The id (and so every question id) comes from the title when none is given.
    const id = job.id ?? (slugify(parseDeck(job.markdown).title, { lower: true, strict: true }).slice(0, 64) || 'deck');
    return { ok: true, deck: buildDeck(id, job.markdown, job.curated) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
