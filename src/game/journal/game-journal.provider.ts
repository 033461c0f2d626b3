import path from 'node:path';
import type { Clock } from '../../common/clock/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { AppendJournal } from './append-journal.js';
import { JournaledGameStore } from './journaled-game-store.js';

/** Where the embedded server journals its live games. */
export function journalFile(dataDir: string): string {
  return path.join(dataDir, 'journal', 'games.jsonl');
}

/** The embedded store, after replaying what a previous run left in its journal. */
export async function openGameJournal(config: AppConfig, clock: Clock): Promise<JournaledGameStore> {
  const store = new JournaledGameStore(new AppendJournal(journalFile(config.DATA_DIR)), clock);
  await store.recover();
  return store;
}
