import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { ManualClock } from '../../src/common/clock/manual-clock.js';
import { validateConfig } from '../../src/config/app-config.js';
import { LocalCoordinator } from '../../src/game/coordination/game-coordinator.js';
import type { GameEvent, GameState } from '../../src/game/engine/index.js';
import { GamePublisher } from '../../src/game/game-publisher.js';
import { GameRunner } from '../../src/game/game-runner.js';
import type { GameStore, LoadedGame, OpenAnswers } from '../../src/game/store/game-store.js';
import { MemoryGameStore } from '../../src/game/store/memory-game-store.js';
import { HistoryOutbox } from '../../src/history/history-outbox.js';
import type { HistoryStore } from '../../src/history/history-store.js';
import { MemoryHistoryStore } from '../../src/history/memory-history.store.js';
import { everyTypeRound, testSettings } from './fixtures.js';
import { RecordingBroadcaster } from './recording-broadcaster.js';

/** A runner over `store` wired as one server wires it: a recording broadcaster, history in memory (or `history`), a local coordinator. */
export function runnerOver(store: GameStore, clock: ManualClock, history: HistoryStore = new MemoryHistoryStore()): GameRunner {
  const publisher = new GamePublisher(new RecordingBroadcaster(), store, new HistoryOutbox(history), clock, validateConfig({}));
  return new GameRunner(store, publisher, clock, new LocalCoordinator());
}

/** Lets queued runner work (promises) finish after the clock fires timers. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The memory store with a few knobs a unit test turns to play the store the
 * runner may meet in production: loads that hand out copies and commits
 * refused when an answer came in since the load (as Redis does), commits
 * that are always refused or that throw, loads held until released.
 */
export class ControlledStore extends MemoryGameStore {
  loads = 0;
  commits = 0;
  /** Each load a deep copy, as from Redis: a change the store refuses leaves the stored game untouched. */
  copies = false;
  /** Every compare-and-set is refused, as if another instance always committed first. */
  refuseCommits = false;
  /** This many commits throw, as a store that is unreachable does. */
  failCommits = 0;
  /** This many loads throw. */
  failLoads = 0;
  /** This many listings of live games throw. */
  failListings = 0;
  private gate: Promise<void> | null = null;

  /** Loads wait until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = null;
      release();
    };
  }

  override async load(gameId: string): Promise<LoadedGame | null> {
    this.loads += 1;
    if (this.gate) await this.gate;
    if (this.failLoads > 0) {
      this.failLoads -= 1;
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    }
    const loaded = await super.load(gameId);
    return loaded && this.copies ? { ...loaded, game: structuredClone(loaded.game) } : loaded;
  }

  override async commit(game: GameState, version: number, open?: OpenAnswers | null, changes?: readonly GameEvent[]): Promise<number | null> {
    this.commits += 1;
    if (this.failCommits > 0) {
      this.failCommits -= 1;
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    }
    if (this.refuseCommits) return null;
    // With copies, an answer kept since the load would be lost by replacing the game: refuse, as Redis does.
    if (this.copies && open && (this.games.get(game.id)?.answered[open.index] ?? 0) !== open.count) return null;
    return super.commit(game, version, open, changes);
  }

  override async liveGameIds(): Promise<string[]> {
    if (this.failListings > 0) {
      this.failListings -= 1;
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    }
    return super.liveGameIds();
  }

  /** The game as stored now. */
  async stored(gameId: string): Promise<GameState> {
    const loaded = await super.load(gameId);
    if (!loaded) throw new Error(`no game ${gameId}`);
    return loaded.game;
  }
}

export interface RunnerHarness {
  clock: ManualClock;
  store: ControlledStore;
  out: RecordingBroadcaster;
  publisher: GamePublisher;
  runner: GameRunner;
}

/** A runner on the manual clock, the controlled store and a recording broadcaster; pass a store or clock to share them. */
export function runnerHarness(
  options: {
    store?: ControlledStore;
    clock?: ManualClock;
    out?: RecordingBroadcaster;
    publisher?: (h: Omit<RunnerHarness, 'publisher' | 'runner'>) => GamePublisher;
  } = {},
): RunnerHarness {
  const clock = options.clock ?? new ManualClock();
  const store = options.store ?? new ControlledStore(clock);
  const out = options.out ?? new RecordingBroadcaster();
  const publisher =
    options.publisher?.({ clock, store, out }) ?? new GamePublisher(out, store, new HistoryOutbox(new MemoryHistoryStore()), clock, validateConfig({}));
  const runner = new GameRunner(store, publisher, clock, new LocalCoordinator());
  return { clock, store, out, publisher, runner };
}

/** A created game with its host attached and these players joined. */
export async function gameWithPlayers(runner: GameRunner, names: string[]) {
  const { game, hostToken } = await runner.create(testSettings(), everyTypeRound());
  await runner.attachHost(hostToken);
  const players = [];
  for (const name of names) players.push(await runner.join(game.pin, name));
  return { gameId: game.id, pin: game.pin, hostToken, players };
}

/** The item at `i`; fails the test when there is none (lookups are written as if `noUncheckedIndexedAccess` were on). */
export function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`no item at ${i}`);
  return item;
}

/** Silences Nest's logger for the test and answers whether a warning or an error containing a text was logged. */
export function captureLogs() {
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  const said = (calls: unknown[][], text: string) => calls.some((args) => args.some((arg) => typeof arg === 'string' && arg.includes(text)));
  return {
    warned: (text: string) => said(warn.mock.calls, text),
    erred: (text: string) => said(error.mock.calls, text),
    warnings: () => warn.mock.calls.length,
  };
}
