import { afterAll, afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import type { Redis } from 'ioredis';
import { everyTypeRound, testSettings } from '../../../test/support/fixtures.js';
import { dropPrefix, prefixedClient, testPrefix } from '../../../test/support/redis.js';
import { ManualClock } from '../../common/clock/manual-clock.js';
import * as engine from '../engine/index.js';
import { MemoryGameStore } from '../store/memory-game-store.js';
import { GameCoordinator, LocalCoordinator, type CoordinationListener } from './game-coordinator.js';
import { RedisCoordinator } from './redis-coordinator.js';

/**
 * Who drives each game's timers, and who hears of changes, from every
 * adapter: the embedded one (one process drives everything) and Redis leases
 * on the real local server. The live games come from a memory store shared by
 * the instances, as the shared store would hold them. Each instance has a
 * clock of its own, so a test decides which instance sweeps when; a Redis
 * lease's expiry is Redis's own TTL, so letting one lapse takes real time.
 */

const LEASE_MS = 600;
const SWEEP_MS = 150;

/** What an instance's listener heard, in order. */
class Heard implements CoordinationListener {
  readonly adoptedIds: string[] = [];
  readonly releasedIds: string[] = [];
  readonly changedIds: string[] = [];
  changedElsewhere(gameId: string): void {
    this.changedIds.push(gameId);
  }
  adopted(gameId: string): void {
    this.adoptedIds.push(gameId);
  }
  released(gameId: string): void {
    this.releasedIds.push(gameId);
  }
}

interface Instance {
  coordinator: GameCoordinator;
  heard: Heard;
  /** Moves this instance's clock by one sweep period and waits for what it set off. */
  tick(): Promise<void>;
}

interface Adapter {
  /** More than one instance can share the store (a cluster); the embedded adapter is one process alone. */
  cluster: boolean;
  /** Starts an instance over the shared store, and waits until it has settled (its first sweep, its subscription). */
  start(store: MemoryGameStore): Promise<Instance>;
  stopAll(): Promise<void>;
}

function localAdapter(): Adapter {
  const started: GameCoordinator[] = [];
  return {
    cluster: false,
    async start() {
      const coordinator = new LocalCoordinator();
      const heard = new Heard();
      coordinator.start();
      started.push(coordinator);
      return { coordinator, heard, tick: async () => undefined };
    },
    async stopAll() {
      await Promise.all(started.splice(0).map((c) => c.stop()));
    },
  };
}

/** Instances share a key prefix (so they see each other's leases) and, per test, a change channel. */
function redisAdapter(prefix: string): Adapter {
  const started: RedisCoordinator[] = [];
  const clients: Redis[] = [];
  let channel = '';
  const client = () => {
    const made = prefixedClient(prefix);
    clients.push(made);
    return made;
  };
  let admin: Redis | null = null;
  const subscribers = async (): Promise<number> => {
    admin ??= client();
    const reply = (await admin.pubsub('NUMSUB', channel)) as [string, number | string];
    return Number(reply[1]);
  };
  return {
    cluster: true,
    async start(store) {
      channel ||= `${prefix}changes:${String(Math.random()).slice(2)}`;
      const clock = new ManualClock();
      const heard = new Heard();
      const coordinator = new RedisCoordinator(client(), client(), store, clock, {
        channel,
        instanceId: `instance-${started.length}`,
        leaseMs: LEASE_MS,
        sweepMs: SWEEP_MS,
      });
      coordinator.start(heard);
      started.push(coordinator);
      await coordinator.sweep();
      await until(async () => (await subscribers()) >= started.length, 'the instance listens for changes');
      return {
        coordinator,
        heard,
        async tick() {
          clock.advance(SWEEP_MS);
          await coordinator.sweep();
        },
      };
    },
    async stopAll() {
      await Promise.all(started.splice(0).map((c) => c.stop()));
      clients.splice(0).forEach((c) => c.disconnect());
      admin = null;
      channel = '';
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, what: string, withinMs = 3000): Promise<void> {
  const end = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(10);
  }
}

const prefix = testPrefix();
afterAll(() => dropPrefix(prefix));

let seq = 0;
async function liveGame(store: MemoryGameStore): Promise<string> {
  seq += 1;
  const game = engine.newGame(
    { id: `coord-${seq}`, pin: String(400_000 + seq), hostSecretHash: 'h', settings: testSettings(), questions: everyTypeRound() },
    0,
  );
  expect(await store.insert(game)).toBe(true);
  return game.id;
}

describe.each<[string, () => Adapter]>([
  ['local', localAdapter],
  ['redis', () => redisAdapter(prefix)],
])('GameCoordinator contract: %s', (_name, makeAdapter) => {
  const adapter = makeAdapter();
  /** Tests about a second instance: the embedded adapter has none. */
  const clusterTest = adapter.cluster ? test : test.skip;
  let store: MemoryGameStore;

  beforeEach(() => {
    store = new MemoryGameStore(new ManualClock());
  });
  afterEach(() => adapter.stopAll());

  test('drives the games it creates', async () => {
    const a = await adapter.start(store);
    const id = await liveGame(store);
    a.coordinator.created(id);
    await until(() => a.coordinator.drives(id), 'the creator drives the game');
  });

  test('drives the live games the store already holds when it starts (a restart, a recovered journal)', async () => {
    const id = await liveGame(store);
    const a = await adapter.start(store);
    expect(a.coordinator.drives(id)).toBe(true);
  });

  test('does not hear its own changes as changes made elsewhere', async () => {
    const a = await adapter.start(store);
    const id = await liveGame(store);
    a.coordinator.changed(id);
    await sleep(100);
    expect(a.heard.changedIds).toEqual([]);
  });

  test('after stop it drives nothing', async () => {
    const a = await adapter.start(store);
    const id = await liveGame(store);
    a.coordinator.created(id);
    await until(() => a.coordinator.drives(id), 'the creator drives the game');
    await a.coordinator.stop();
    expect(a.coordinator.drives(id)).toBe(false);
  });

  clusterTest('exactly one instance drives a game, and it keeps the game by renewing its lease', async () => {
    const a = await adapter.start(store);
    const id = await liveGame(store);
    a.coordinator.created(id);
    await until(() => a.heard.adoptedIds.includes(id), 'the creator adopts the game');
    const b = await adapter.start(store);
    // Longer than a lease in all: only the renewals keep it.
    for (let i = 0; i < 4; i++) {
      await sleep(LEASE_MS / 3);
      await a.tick();
      await b.tick();
    }
    expect([a.coordinator.drives(id), b.coordinator.drives(id)]).toEqual([true, false]);
    expect([a.heard.releasedIds, b.heard.adoptedIds]).toEqual([[], []]);
  });

  clusterTest('a lease that is not renewed lapses: the next sweep elsewhere adopts the game, and the first instance hears it lost it', async () => {
    const a = await adapter.start(store);
    const b = await adapter.start(store);
    const id = await liveGame(store);
    a.coordinator.created(id);
    await until(() => a.coordinator.drives(id), 'the creator drives the game');
    // A stops renewing (its clock stands still, as a frozen or dead process's would).
    await sleep(LEASE_MS + 200);
    expect(b.coordinator.drives(id)).toBe(false); // nothing happens until B's own clock says it is time to sweep
    await b.tick();
    expect(b.coordinator.drives(id)).toBe(true);
    expect(b.heard.adoptedIds).toEqual([id]);
    await a.tick();
    expect(a.coordinator.drives(id)).toBe(false);
    expect(a.heard.releasedIds).toEqual([id]);
  });

  clusterTest('a change made on one instance reaches the others, not the one that made it', async () => {
    const a = await adapter.start(store);
    const b = await adapter.start(store);
    const c = await adapter.start(store);
    const id = await liveGame(store);
    // A store that keeps copies (Redis) is asked to bring the game forward by each instance that heard.
    const bringForward = jest.fn<(gameId: string) => void>();
    Object.assign(store, { bringForward });
    a.coordinator.changed(id);
    await until(() => b.heard.changedIds.length > 0 && c.heard.changedIds.length > 0, 'the other instances hear the change');
    expect([a.heard.changedIds, b.heard.changedIds, c.heard.changedIds]).toEqual([[], [id], [id]]);
    expect(bringForward.mock.calls).toEqual([[id], [id]]);
  });

  clusterTest('stop hands the games over at once: the next sweep elsewhere adopts them without waiting for the lease', async () => {
    const a = await adapter.start(store);
    const b = await adapter.start(store);
    const id = await liveGame(store);
    a.coordinator.created(id);
    await until(() => a.coordinator.drives(id), 'the creator drives the game');
    await a.coordinator.stop();
    await b.tick();
    expect(b.coordinator.drives(id)).toBe(true);
    expect(b.heard.adoptedIds).toEqual([id]);
  });

  clusterTest('a game that leaves the live set (retired after its podium) is released and adopted by nobody', async () => {
    const a = await adapter.start(store);
    const b = await adapter.start(store);
    const id = await liveGame(store);
    a.coordinator.created(id);
    await until(() => a.coordinator.drives(id), 'the creator drives the game');
    await store.retire(id, 60_000);
    await a.tick();
    expect(a.coordinator.drives(id)).toBe(false);
    expect(a.heard.releasedIds).toEqual([id]);
    await b.tick();
    expect(b.coordinator.drives(id)).toBe(false);
  });
});
