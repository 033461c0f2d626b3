import { copyFileSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { rightAnswer, wrongAnswer } from '../../../test/support/answers.js';
import { everyTypeRound, testSettings } from '../../../test/support/fixtures.js';
import { closedAfterEachTest } from '../../../test/support/journal-stores.js';
import { runnerOver } from '../../../test/support/runner-harness.js';
import { ManualClock } from '../../common/clock/manual-clock.js';
import * as engine from '../engine/index.js';
import type { GameState } from '../engine/index.js';
import { AppendJournal } from './append-journal.js';
import { DEFAULT_COMPACTION, JournaledGameStore, type CompactionPolicy } from './journaled-game-store.js';
import { replayJournal } from './journal-replay.js';

function journalFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'journal-delta-')), 'games.jsonl');
}

const closedAfterTest = closedAfterEachTest();

async function serverOn(journal: AppendJournal, clock: ManualClock, policy: CompactionPolicy = DEFAULT_COMPACTION) {
  const store = new JournaledGameStore(journal, clock, policy);
  closedAfterTest(store);
  await store.recover();
  const runner = runnerOver(store, clock);
  return { store, runner };
}

/** The game as a JSON round trip sees it (what a replay can compare with). */
function plain(game: GameState): unknown {
  return JSON.parse(JSON.stringify(game));
}

/** What a server starting on this file would find, before it marks the connections gone. */
function replayed(file: string, gameId: string): unknown {
  const game = replayJournal(new AppendJournal(file).readExisting()).games.get(gameId)?.game;
  return game ? plain(game) : null;
}

async function live(store: JournaledGameStore, gameId: string): Promise<unknown> {
  return plain((await store.load(gameId))!.game);
}

describe('journal deltas', () => {
  test('after every kind of change, replaying the journal gives exactly the committed game', async () => {
    const file = journalFile();
    const clock = new ManualClock();
    const { store, runner } = await serverOn(new AppendJournal(file), clock);
    const round = everyTypeRound();
    const { game, hostToken } = await runner.create(testSettings({ maxPlayers: 200 }), round);
    const steps: Array<[string, () => Promise<unknown>]> = [];
    const step = (label: string, run: () => Promise<unknown>) => steps.push([label, run]);
    const ids: Record<string, { playerId: string; playerToken: string }> = {};
    // A close the last answer starts runs after that answer's ack; a change queued behind it waits for it.
    const settled = () => runner.attachHost(hostToken);

    step('host attaches', () => runner.attachHost(hostToken));
    step('joins', async () => {
      for (const name of ['Ana', 'Beto', 'Carla']) ids[name] = await runner.join(game.pin, name, `device-${name}-0123456789`);
    });
    step('a burst of joins shares one commit', () =>
      Promise.all(Array.from({ length: 30 }, (_, i) => runner.join(game.pin, `Bot ${i}`).then((r) => (ids[`Bot ${i}`] = r)))),
    );
    step('a lobby withdrawal frees the nickname', () => runner.withdraw(game.id, ids['Bot 0']!.playerId));
    step('the same nickname joins again', async () => (ids['Bot 0'] = await runner.join(game.pin, 'Bot 0')));
    step('lock and unlock', async () => {
      await runner.command(game.id, (g) => engine.setLocked(g, true));
      await runner.command(game.id, (g) => engine.setLocked(g, false));
    });
    step('a kick bans the device', () => runner.command(game.id, (g, now) => engine.kickPlayer(g, ids.Carla!.playerId, now)));
    step('start', () => runner.command(game.id, (g, now) => engine.startGame(g, now)));
    step('answers', async () => {
      clock.advance(1_500);
      await runner.answer(game.id, ids.Ana!.playerId, 0, rightAnswer(round[0]!));
      clock.advance(700);
      await runner.answer(game.id, ids.Beto!.playerId, 0, wrongAnswer(round[0]!));
      await Promise.all(Array.from({ length: 10 }, (_, i) => runner.answer(game.id, ids[`Bot ${i}`]!.playerId, 0, rightAnswer(round[0]!))));
      await settled();
    });
    step('a phone drops and comes back', async () => {
      await runner.playerLeft(game.id, ids.Beto!.playerId);
      clock.advance(500);
      await runner.resume(ids.Beto!.playerToken);
    });
    step('pause and resume', async () => {
      await runner.command(game.id, (g, now) => engine.pauseGame(g, now));
      clock.advance(4_000);
      await runner.command(game.id, (g, now) => engine.resumeGame(g, now));
    });
    step('the host leaves and comes back', async () => {
      await runner.detachHost(game.id);
      clock.advance(1_000);
      await runner.attachHost(hostToken);
    });
    step('the reveal (skip) is replayed from the journaled answers', () => runner.command(game.id, (g) => engine.skipQuestion(g)));
    step('a late joiner takes the newcomer rank', async () => (ids.Dani = await runner.join(game.pin, 'Dani')));
    step('leaderboard, next question', async () => {
      await runner.command(game.id, (g, now) => engine.advance(g, now));
      await runner.command(game.id, (g, now) => engine.advance(g, now));
    });
    step('a withdrawal during the game is a removal', () => runner.withdraw(game.id, ids['Bot 29']!.playerId));
    step('everyone answers: the last answer closes the question', async () => {
      clock.advance(1_000);
      const g = (await store.load(game.id))!.game;
      const waiting = Object.values(g.players).filter((p) => !p.kicked);
      await Promise.all(waiting.map((p, i) => runner.answer(game.id, p.id, 1, i % 3 === 0 ? wrongAnswer(round[1]!) : rightAnswer(round[1]!))));
      await settled();
      expect((await store.load(game.id))!.game.phase).toBe('reveal');
    });
    step('several host commands in one commit', async () => {
      await Promise.all([
        runner.attachHost(hostToken),
        runner.command(game.id, (g, now) => engine.advance(g, now)),
        runner.command(game.id, (g, now) => engine.advance(g, now)),
        runner.command(game.id, (g) => engine.skipQuestion(g)),
      ]);
      expect((await store.load(game.id))!.game).toMatchObject({ phase: 'reveal', index: 2 });
    });
    step('a kick batched with a reveal', async () => {
      await runner.command(game.id, (g, now) => engine.advance(g, now));
      await runner.command(game.id, (g, now) => engine.advance(g, now));
      clock.advance(800);
      await runner.answer(game.id, ids.Ana!.playerId, 3, rightAnswer(round[3]!));
      await Promise.all([
        runner.attachHost(hostToken),
        runner.command(game.id, (g, now) => engine.kickPlayers(g, { playerIds: [ids['Bot 5']!.playerId, ids['Bot 6']!.playerId] }, now)),
        runner.command(game.id, (g) => engine.skipQuestion(g)),
      ]);
    });
    step('podium and end', async () => {
      await runner.command(game.id, (g, now) => engine.advance(g, now));
      await runner.command(game.id, (g, now) => engine.advance(g, now));
      await runner.command(game.id, (g) => engine.skipQuestion(g));
      await runner.command(game.id, (g, now) => engine.advance(g, now));
      expect((await store.load(game.id))!.game.phase).toBe('podium');
      await runner.command(game.id, (g, now) => engine.endGame(g, now));
    });

    for (const [label, run] of steps) {
      await run();
      // Every acknowledged change is on disk: what a restart would read is the game as it stands.
      expect({ label, game: replayed(file, game.id) }).toEqual({ label, game: await live(store, game.id) });
    }
    const final = (await store.load(game.id))!.game;
    expect(final.phase).toBe('ended');
    expect(final.bannedDevices).toEqual({ 'device-Carla-0123456789': true });
    expect(Object.values(final.players).some((p) => p.score > 0)).toBe(true);
    // The reveals were journaled as deltas replayed by the engine; only the batches no delta describes were written whole.
    const entries = new AppendJournal(file).readExisting().map((line) => JSON.parse(line) as { t: string; closed?: number });
    expect(entries.filter((e) => e.t === 'delta' && e.closed !== undefined).map((e) => e.closed)).toEqual([0, 1, 4]);
    expect(entries.filter((e) => e.t === 'game')).toHaveLength(3);
  });

  test('a join to a big game writes that player, not the class', async () => {
    const file = journalFile();
    const clock = new ManualClock();
    const { store, runner } = await serverOn(new AppendJournal(file), clock);
    const { game } = await runner.create(testSettings({ maxPlayers: 1000, randomNames: true }), everyTypeRound());
    for (let i = 0; i < 600; i++) await runner.join(game.pin, `Player ${i}`);
    const whole = JSON.stringify((await store.load(game.id))!.game).length;
    const before = statSync(file).size;
    await runner.join(game.pin, 'Late');
    const written = statSync(file).size - before;
    expect(whole).toBeGreaterThan(100_000);
    expect(written).toBeLessThan(2_000);
    expect(replayed(file, game.id)).toEqual(await live(store, game.id));
  });

  test('a commit the disk refused is written whole by the game’s next commit', async () => {
    const file = journalFile();
    const clock = new ManualClock();
    const failing = new (class extends AppendJournal {
      failNext = false;
      override append(line: string): Promise<void> {
        if (!this.failNext) return super.append(line);
        this.failNext = false;
        return Promise.reject(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }));
      }
    })(file);
    const { store, runner } = await serverOn(failing, clock);
    const { game } = await runner.create(testSettings(), everyTypeRound());
    await runner.join(game.pin, 'Ana');
    failing.failNext = true;
    await expect(runner.join(game.pin, 'Beto')).rejects.toMatchObject({ code: 'TRY_AGAIN' });
    // Beto stays in memory (documented), so the next change must bring him to disk too.
    await runner.join(game.pin, 'Carla');
    const nicknames = (g: unknown) =>
      Object.values((g as GameState).players)
        .map((p) => p.nickname)
        .sort();
    expect(nicknames(replayed(file, game.id))).toEqual(['Ana', 'Beto', 'Carla']);
    expect(replayed(file, game.id)).toEqual(await live(store, game.id));
  });
});

describe('journal compaction', () => {
  const eager: CompactionPolicy = { minBytes: 0, growth: 0, minIntervalMs: 0 };

  test('changes acknowledged while a compaction writes its snapshot are in the new file, and in the old one if it crashes first', async () => {
    const file = journalFile();
    const crashDir = mkdtempSync(path.join(tmpdir(), 'journal-crash-'));
    const clock = new ManualClock();
    let during: (() => Promise<void>) | null = null;
    const journal = new (class extends AppendJournal {
      protected override async snapshotWritten(): Promise<void> {
        const run = during;
        during = null;
        await run?.();
      }
    })(file);
    const { store, runner } = await serverOn(journal, clock, { ...DEFAULT_COMPACTION, minBytes: Number.MAX_SAFE_INTEGER });
    const { game } = await runner.create(testSettings(), everyTypeRound());
    await runner.join(game.pin, 'Ana');

    during = async () => {
      // The snapshot (with Ana) is on disk beside the journal; the class goes on meanwhile.
      await runner.join(game.pin, 'Beto');
      await runner.join(game.pin, 'Carla');
      // The machine dies here: the journal and a finished but never renamed snapshot are what is left.
      copyFileSync(file, path.join(crashDir, 'games.jsonl'));
      copyFileSync(journal.compactionFile, path.join(crashDir, 'games.jsonl.compact'));
    };
    const current = (await store.load(game.id))!.game;
    await journal.compact(() => [JSON.stringify({ t: 'game', at: clock.now(), game: current })]);
    expect(during).toBeNull();

    const names = (g: unknown) =>
      Object.values((g as GameState).players)
        .map((p) => p.nickname)
        .sort();
    // After the crash: the old file has every acknowledged join; the leftover snapshot is not read.
    expect(names(replayed(path.join(crashDir, 'games.jsonl'), game.id))).toEqual(['Ana', 'Beto', 'Carla']);
    const restarted = await serverOn(new AppendJournal(path.join(crashDir, 'games.jsonl')), clock);
    expect(names(await live(restarted.store, game.id))).toEqual(['Ana', 'Beto', 'Carla']);
    // Without the crash: the new file is the snapshot plus the joins made while it was written.
    expect(existsSync(journal.compactionFile)).toBe(false);
    expect(replayed(file, game.id)).toEqual(await live(store, game.id));
    await runner.join(game.pin, 'Dani');
    expect(replayed(file, game.id)).toEqual(await live(store, game.id));
  });

  test('a torn snapshot left beside the journal is ignored and replaced', async () => {
    const file = journalFile();
    const clock = new ManualClock();
    const first = await serverOn(new AppendJournal(file), clock);
    const { game } = await first.runner.create(testSettings(), everyTypeRound());
    await first.runner.join(game.pin, 'Ana');
    writeFileSync(`${file}.compact`, '{"t":"game","at":1,"game":{"id":"half a snaps');
    const second = await serverOn(new AppendJournal(file), clock);
    expect(Object.values((await second.store.load(game.id))!.game.players).map((p) => p.nickname)).toEqual(['Ana']);
    expect(existsSync(`${file}.compact`)).toBe(false);
  });

  test('compaction runs by itself once the journal outgrows its snapshot, and replays the same game', async () => {
    const file = journalFile();
    const clock = new ManualClock();
    const journal = new AppendJournal(file);
    const { store, runner } = await serverOn(journal, clock, { minBytes: 20_000, growth: 4, minIntervalMs: 0 });
    const { game } = await runner.create(testSettings(), everyTypeRound());
    let compactions = 0;
    for (let i = 0; i < 80; i++) {
      await runner.join(game.pin, `P${i}`);
      if (store.compacting) {
        compactions++;
        await store.compacting;
      }
    }
    expect(compactions).toBeGreaterThan(0);
    expect(journal.snapshotSize).toBeGreaterThan(0);
    expect(replayed(file, game.id)).toEqual(await live(store, game.id));
  });

  test('an eager policy still keeps every change across many compactions', async () => {
    const file = journalFile();
    const clock = new ManualClock();
    const { store, runner } = await serverOn(new AppendJournal(file), clock, eager);
    const { game } = await runner.create(testSettings(), everyTypeRound());
    await Promise.all(Array.from({ length: 25 }, (_, i) => runner.join(game.pin, `P${i}`)));
    await store.compacting;
    await runner.join(game.pin, 'Last');
    await store.compacting;
    expect(Object.keys((replayed(file, game.id) as GameState).players)).toHaveLength(26);
    expect(replayed(file, game.id)).toEqual(await live(store, game.id));
  });
});
