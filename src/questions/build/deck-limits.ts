import { GameError } from '../../common/game-error.js';

/** Deeper than this (block quotes, nested lists) is not a lecture deck; marked's recursive lexer would need a deep stack for it. */
export const MAX_DECK_NESTING = 16;
/** A deck that yields more questions than this is refused: no class plays them, and each costs memory in every game of it. */
export const MAX_DECK_QUESTIONS = 2000;
/** A build that takes longer is stopped (the worker is terminated). */
export const DECK_BUILD_TIMEOUT_MS = 30_000;

/**
 * How deeply the Markdown nests, from line prefixes alone (no parse): each
 * `>` and each indentation step of 2 spaces (or a tab) counts one level.
 */
export function nestingDepth(markdown: string): number {
  let deepest = 0;
  for (const line of markdown.split('\n')) {
    let depth = 0;
    let spaces = 0;
    for (const ch of line) {
      if (ch === '>') depth++;
      else if (ch === ' ') spaces++;
      else if (ch === '\t') spaces += 2;
      else break;
    }
    deepest = Math.max(deepest, depth + Math.floor(spaces / 2));
  }
  return deepest;
}

export function assertDeckShape(markdown: string): void {
  const depth = nestingDepth(markdown);
  if (depth > MAX_DECK_NESTING) {
    throw new GameError('INVALID_PAYLOAD', `The deck nests ${depth} levels deep (block quotes or lists); at most ${MAX_DECK_NESTING} are allowed.`);
  }
}
