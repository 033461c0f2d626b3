import { describe, expect, test } from '@jest/globals';
import { everyTypeRound, testSettings } from '../../test/support/fixtures.js';
import { RecordingBroadcaster } from '../../test/support/recording-broadcaster.js';
import { ManualClock } from '../common/clock/manual-clock.js';
import { validateConfig } from '../config/app-config.js';
import { HistoryOutbox } from '../history/history-outbox.js';
import type { HistoryRecord } from '../history/history-record.js';
import { MemoryHistoryStore } from '../history/memory-history.store.js';
import { LocalCoordinator } from './coordination/game-coordinator.js';
import * as engine from './engine/index.js';
import { FinishedGames } from './finished-games.js';
import { GamePublisher } from './game-publisher.js';
import { GameRunner } from './game-runner.js';
import { MemoryGameStore } from './store/memory-game-store.js';

/** A history that refuses writes while `down` (a full disk, Redis refusing writes). */
class FlakyHistory extends MemoryHistoryStore {
  down = true;
  override async saveOnce(record: HistoryRecord): Promise<boolean> {
    if (this.down) throw new Error('history is unreachable');
    return super.saveOnce(record);
  }
}

/** One server instance over a shared game store and history (its outbox is its own memory). */
function instance(store: MemoryGameStore, history: MemoryHistoryStore, clock: ManualClock) {
  const out = new RecordingBroadcaster();
  const outbox = new HistoryOutbox(history);
  const publisher = new GamePublisher(out, store, outbox, clock, validateConfig({}));
  const runner = new GameRunner(store, publisher, clock, new LocalCoordinator());
  return { out, outbox, runner, finished: new FinishedGames(store, new LocalCoordinator(), publisher) };
}

describe('FinishedGames', () => {
  test("a record left in a dead instance's outbox is rebuilt from the store by the next instance, and only then is the game retired", async () => {
    const clock = new ManualClock();
    const store = new MemoryGameStore(clock);
    const history = new FlakyHistory();
    const first = instance(store, history, clock);
    const { game, hostToken } = await first.runner.create(testSettings(), everyTypeRound().slice(0, 2));
    await first.runner.attachHost(hostToken);
    const ana = await first.runner.join(game.pin, 'Ana');
    await first.runner.join(game.pin, 'Beto');
    await first.runner.command(game.id, (g, now) => engine.startGame(g, now));
    await first.runner.answer(game.id, ana.playerId, 0, 1);
    await first.runner.command(game.id, (g, now) => engine.endGame(g, now));
    expect(first.out.last('game:over', 'host')).toMatchObject({ historySaved: false });
    expect(first.outbox.isPending(game.id)).toBe(true);
    // The host closes the game; its record is not stored, so the store keeps it (not retired).
    await first.runner.command(game.id, (g, now) => engine.endGame(g, now));
    expect(await store.liveGameIds()).toContain(game.id);
    first.outbox.onApplicationShutdown(); // the first instance dies with the record in memory

    history.down = false;
    const second = instance(store, history, clock);
    await second.finished.sweep();
    const record = await history.get(game.id);
    expect(record).toMatchObject({ endReason: 'ended-early', leaderboard: [{ nickname: 'Ana' }, { nickname: 'Beto' }] });
    expect(record!.questions[0]!.answers.map((a) => a.nickname)).toEqual(['Ana']);
    expect(second.out.last('history:saved')).toEqual({ historyId: game.id });
    expect(await store.liveGameIds()).not.toContain(game.id);
  });

  test('a game at the podium whose record is stored is left alone; a deleted record is not brought back', async () => {
    const clock = new ManualClock();
    const store = new MemoryGameStore(clock);
    const history = new MemoryHistoryStore();
    const one = instance(store, history, clock);
    const { game, hostToken } = await one.runner.create(testSettings(), everyTypeRound().slice(0, 1));
    await one.runner.attachHost(hostToken);
    await one.runner.join(game.pin, 'Ana');
    await one.runner.command(game.id, (g, now) => engine.startGame(g, now));
    await one.runner.command(game.id, (g, now) => engine.endGame(g, now));
    expect(await history.delete(game.id)).toBe(true);
    // Another instance that never saw the record stored sweeps the podium game.
    const other = instance(store, history, clock);
    await other.finished.sweep();
    expect(await history.get(game.id)).toBeNull();
    expect(await store.liveGameIds()).toContain(game.id);
  });
});
