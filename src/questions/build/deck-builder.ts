import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KeyedSerialQueue } from '../../common/keyed-serial-queue.js';
import { GameError } from '../../common/game-error.js';
import type { Deck } from '../deck.js';
import { runDeckBuild, type DeckBuildJob, type DeckBuildResult } from './deck-build.js';
import { assertDeckShape, DECK_BUILD_TIMEOUT_MS, MAX_DECK_QUESTIONS } from './deck-limits.js';

const WORKER_FILE = new URL('./deck-worker.js', import.meta.url);
/** Compiled (dist/): the worker file exists beside this one. Under ts-jest the sources are .ts and run in-thread. */
const CAN_USE_WORKER = import.meta.url.endsWith('.js');

/**
 * Builds decks in a worker thread, one at a time: parsing and generating a
 * 90,000-character deck takes seconds of CPU, which on the event loop would
 * freeze every running game. The worker has its own heap and stack limits
 * and a deadline, so a hostile deck costs at most a refused upload.
 */
export class DeckBuilder {
  private readonly queue = new KeyedSerialQueue();

  build(job: DeckBuildJob): Promise<Deck> {
    assertDeckShape(job.markdown);
    return this.queue.run('build', async () => {
      const result = CAN_USE_WORKER ? await inWorker(job) : runDeckBuild(job);
      if (!result.ok) throw new GameError('DECK_UNUSABLE', `The deck could not be read: ${result.message}`);
      if (result.deck.questions.length > MAX_DECK_QUESTIONS) {
        throw new GameError('DECK_UNUSABLE', `The deck yields ${result.deck.questions.length} questions; at most ${MAX_DECK_QUESTIONS} are allowed.`);
      }
      return result.deck;
    });
  }
}

function inWorker(job: DeckBuildJob): Promise<DeckBuildResult> {
  return new Promise((resolve) => {
    const worker = new Worker(fileURLToPath(WORKER_FILE), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: 256, stackSizeMb: 8 },
    });
    let settled = false;
    const finish = (result: DeckBuildResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, message: `building it took over ${DECK_BUILD_TIMEOUT_MS / 1000} s` }), DECK_BUILD_TIMEOUT_MS);
    worker.once('message', (result: DeckBuildResult) => finish(result));
    worker.once('error', (err) => finish({ ok: false, message: err.message }));
    worker.once('exit', (code) => finish({ ok: false, message: `the build stopped (exit ${code})` }));
  });
}
