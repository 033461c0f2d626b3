import { dict, withoutPrototypes, type GameState } from '../engine/index.js';
import { applyDelta } from './game-delta.js';
import { parseEntry, type JournalEntry } from './journal-entry.js';

export interface ReplayedGame {
  game: GameState;
  /** Answers kept per question index, as counted while replaying. */
  answered: number[];
  /** When an ended game may be forgotten (null while it is live). */
  expiresAt: number | null;
}

export interface Replayed {
  games: Map<string, ReplayedGame>;
  /** Games whose history record was stored. */
  historyStored: Set<string>;
  /** When the last readable line was written (0 for an empty journal). */
  lastAt: number;
  /** Lines that were not entries (torn by a crash or a failed write). */
  skipped: number;
}

/** The games a journal's lines describe, in the order they were written. */
export function replayJournal(lines: Iterable<string>): Replayed {
  const replayed: Replayed = { games: new Map(), historyStored: new Set(), lastAt: 0, skipped: 0 };
  for (const line of lines) {
    const entry = parseEntry(line);
    if (!entry) {
      replayed.skipped++;
      continue;
    }
    replayed.lastAt = Math.max(replayed.lastAt, entry.at);
    replayEntry(replayed, entry);
  }
  return replayed;
}

function replayEntry(replayed: Replayed, entry: JournalEntry): void {
  const { games } = replayed;
  switch (entry.t) {
    case 'game': {
      // Read back from JSON: the tables keyed by client ids get their null prototype again.
      withoutPrototypes(entry.game);
      const answered = entry.game.answers.map((byPlayer) => Object.keys(byPlayer).length);
      games.set(entry.game.id, { game: entry.game, answered, expiresAt: games.get(entry.game.id)?.expiresAt ?? null });
      return;
    }
    case 'delta': {
      const stored = games.get(entry.gameId);
      if (!stored) return;
      applyDelta(stored.game, entry);
      return;
    }
    case 'answer': {
      const stored = games.get(entry.gameId);
      if (!stored) return;
      const byPlayer = (stored.game.answers[entry.index] ??= dict());
      if (byPlayer[entry.record.playerId]) return;
      byPlayer[entry.record.playerId] = entry.record;
      stored.answered[entry.index] = (stored.answered[entry.index] ?? 0) + 1;
      return;
    }
    case 'retire': {
      const stored = games.get(entry.gameId);
      if (stored) stored.expiresAt = entry.until;
      return;
    }
    case 'history':
      replayed.historyStored.add(entry.gameId);
      return;
  }
}
