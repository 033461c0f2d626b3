import { parentPort, workerData } from 'node:worker_threads';
import { runDeckBuild, type DeckBuildJob } from './deck-build.js';

/** Entry point of a deck-build worker thread: one job in, one result out. */
parentPort?.postMessage(runDeckBuild(workerData as DeckBuildJob));
