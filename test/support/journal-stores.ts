import { afterEach } from '@jest/globals';
import type { JournaledGameStore } from '../../src/game/journal/journaled-game-store.js';

/**
 * Registers an `afterEach` that closes every store handed to the returned function during a test, so no journal
 * (and its sync thread) outlives its test. Call once per spec file, at its top level.
 */
export function closedAfterEachTest(): (store: JournaledGameStore) => JournaledGameStore {
  const opened: JournaledGameStore[] = [];
  afterEach(async () => {
    await Promise.allSettled(opened.splice(0).map((store) => store.close()));
  });
  return (store) => {
    opened.push(store);
    return store;
  };
}
