import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { everyTypeRound, testSettings } from '../../../test/support/fixtures.js';
import { closedAfterEachTest } from '../../../test/support/journal-stores.js';
import { runnerOver } from '../../../test/support/runner-harness.js';
import { ManualClock } from '../../common/clock/manual-clock.js';
import { HistoryOutbox } from '../../history/history-outbox.js';
import { MemoryHistoryStore } from '../../history/memory-history.store.js';
import * as engine from '../engine/index.js';
import { AppendJournal } from './append-journal.js';
import { JournaledGameStore } from './journaled-game-store.js';
import { RecoveredHistory } from './recovered-history.js';

const closedAfterTest = closedAfterEachTest();

/** A server process over a journal file: "crashing" is simply starting another one on the same file without closing this one. */
async function serverOn(file: string, clock: ManualClock) {
  const store = new JournaledGameStore(new AppendJournal(file), clock);
  closedAfterTest(store);
  await store.recover();
  const runner = runnerOver(store, clock);
  return { store, runner };
}

describe('JournaledGameStore', () => {
  test('acknowledged joins, phase changes and answers are found after a crash; the open question is paused where it stood', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'journal-')), 'games.jsonl');
    const clock = new ManualClock();
    const first = await serverOn(file, clock);
    const { game, hostToken } = await first.runner.create(testSettings(), everyTypeRound());
    await first.runner.attachHost(hostToken);
    const ana = await first.runner.join(game.pin, 'Ana');
    const beto = await first.runner.join(game.pin, 'Beto');
    await first.runner.command(game.id, (g, now) => engine.startGame(g, now));
    clock.advance(2_000);
    await first.runner.answer(game.id, ana.playerId, 0, 1);
    clock.advance(3_000);
    // Crash: no close, no shutdown hook.

    clock.advance(60_000);
    const second = await serverOn(file, clock);
    expect(second.store.recoveredGameIds).toEqual([game.id]);
    const loaded = (await second.store.load(game.id))!.game;
    expect(loaded.phase).toBe('question');
    expect(loaded.answers[0]![ana.playerId]).toMatchObject({ answer: 1, correct: true });
    // Paused as of the journal's last line (the answer at 2 s): the server cannot know it lived 3 s more.
    expect(loaded.paused).toMatchObject({ remainingMs: 18_000 });
    expect(Object.values(loaded.players).map((p) => p.connected)).toEqual([false, false]);
    expect(await second.store.findIdByPin(game.pin)).toBe(game.id);

    // The game goes on: the player resumes with the token from before, the host resumes the question, Beto answers.
    await second.runner.resume(beto.playerToken);
    await second.runner.attachHost(hostToken);
    await second.runner.command(game.id, (g, now) => engine.resumeGame(g, now));
    await second.runner.answer(game.id, beto.playerId, 0, 0);
    const third = await serverOn(file, clock);
    expect(Object.keys((await third.store.load(game.id))!.game.answers[0]!).sort()).toEqual([ana.playerId, beto.playerId].sort());
  });

  test('a game that reached the podium but not history before a crash is written to history at the next start', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'journal-')), 'games.jsonl');
    const clock = new ManualClock();
    const store = new JournaledGameStore(new AppendJournal(file), clock);
    closedAfterTest(store);
    await store.recover();
    const unwritable = new (class extends MemoryHistoryStore {
      override async saveOnce(): Promise<boolean> {
        throw new Error('EROFS: read-only file system');
      }
    })();
    const runner = runnerOver(store, clock, unwritable);
    const { game, hostToken } = await runner.create(testSettings(), everyTypeRound().slice(0, 1));
    await runner.attachHost(hostToken);
    const ana = await runner.join(game.pin, 'Ana');
    await runner.command(game.id, (g, now) => engine.startGame(g, now));
    await runner.answer(game.id, ana.playerId, 0, 1);
    await runner.command(game.id, (g, now) => engine.advance(g, now));
    expect((await store.load(game.id))!.game.phase).toBe('podium');

    const second = await serverOn(file, clock);
    const history = new MemoryHistoryStore();
    await new RecoveredHistory(second.store, new HistoryOutbox(history)).onApplicationBootstrap();
    expect((await history.get(game.id))!.questions[0]!.answers).toHaveLength(1);
    await second.store.close();

    // Stored once, marked in the journal: a later start does not write it again (a teacher may have deleted it).
    const third = await serverOn(file, clock);
    const afterDelete = new MemoryHistoryStore();
    await new RecoveredHistory(third.store, new HistoryOutbox(afterDelete)).onApplicationBootstrap();
    expect(await afterDelete.get(game.id)).toBeNull();
  });

  test('a line torn by a crash mid-write is skipped and the rest replays', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'journal-')), 'games.jsonl');
    const clock = new ManualClock();
    const first = await serverOn(file, clock);
    const { game } = await first.runner.create(testSettings(), everyTypeRound());
    await first.runner.join(game.pin, 'Ana');
    appendFileSync(file, '{"t":"game","at":1,"game":{"id":"tor');
    const second = await serverOn(file, clock);
    expect(Object.values((await second.store.load(game.id))!.game.players).map((p) => p.nickname)).toEqual(['Ana']);
    // Recovery rewrote the journal as a snapshot: the torn line is gone.
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });

  test('a full disk fails the append (ENOSPC) and is reported', async () => {
    const journal = new AppendJournal('/dev/full');
    journal.open();
    await expect(journal.append('{}')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(journal.lastError).toMatchObject({ code: 'ENOSPC' });
    await journal.close();
  });

  test('a change the journal cannot write is not acknowledged', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'journal-')), 'games.jsonl');
    const clock = new ManualClock();
    const journal = new AppendJournal(file);
    const store = new JournaledGameStore(journal, clock);
    closedAfterTest(store);
    await store.recover();
    const runner = runnerOver(store, clock);
    const { game } = await runner.create(testSettings(), everyTypeRound());
    const ana = await runner.join(game.pin, 'Ana');
    await runner.join(game.pin, 'Beto');
    await runner.command(game.id, (g, now) => engine.startGame(g, now));
    await journal.close();
    await expect(runner.join(game.pin, 'Carla')).rejects.toMatchObject({ code: 'TRY_AGAIN' });
    expect(store.journalError).not.toBeNull();
    // An answer the disk refused is not kept, and a repeat sent before the refusal is not acknowledged either.
    const [first, repeat] = [runner.answer(game.id, ana.playerId, 0, 1), runner.answer(game.id, ana.playerId, 0, 1)];
    await expect(first).rejects.toMatchObject({ code: 'TRY_AGAIN' });
    await expect(repeat).rejects.toMatchObject({ code: 'TRY_AGAIN' });
    // The phone's retry is scored, not waved through as a repeat.
    await expect(runner.answer(game.id, ana.playerId, 0, 1)).rejects.toMatchObject({ code: 'TRY_AGAIN' });
    expect(await store.hasAnswered(game.id, 0, ana.playerId)).toBe(false);
    expect((await store.answersOf(game.id, 1))[0]?.[ana.playerId]).toBeUndefined();
  });
});
