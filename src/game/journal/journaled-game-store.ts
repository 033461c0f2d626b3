import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '../../common/clock/clock.js';
import type { AnswerRecord, GameEvent, GameState } from '../engine/index.js';
import type { AnswerWrite, OpenAnswers } from '../store/game-store.js';
import { MemoryGameStore } from '../store/memory-game-store.js';
import type { AppendJournal } from './append-journal.js';
import { commitEntry, shapeOf, type JournaledShape } from './game-delta.js';
import type { JournalEntry } from './journal-entry.js';
import { replayJournal } from './journal-replay.js';
import { prepareRecoveredGame } from './recovered-game.js';

/**
 * When the journal is rewritten as one snapshot. Each compaction writes the
 * live games whole (O(players)), so it waits until the lines since the last
 * one outweigh that snapshot several times over (the cost per line written
 * stays constant) and the file has some size, at most once per interval, and,
 * below a hard size, until no question is open (not during an answer burst).
 */
export interface CompactionPolicy {
  minBytes: number;
  /** The journal may grow to this many times the last snapshot before it is compacted. */
  growth: number;
  minIntervalMs: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = { minBytes: 32 * 1024 * 1024, growth: 4, minIntervalMs: 60_000 };

/**
 * The embedded store made durable: live games stay in memory (as in
 * MemoryGameStore), and every change the runner acknowledges is first in the
 * journal on disk — a commit writes what it changed (the game's small fields
 * and the players its events name, see `commitEntry`), an answer its own
 * record, a retirement when the game may be forgotten. A line is queued in
 * the same turn as the change it records, so the journal's order is the
 * order of the changes in memory; `commit` and `recordAnswer` resolve only
 * after the fsync, so an ack is never ahead of the disk. After a crash,
 * `recover` replays the journal.
 */
export class JournaledGameStore extends MemoryGameStore implements OnApplicationShutdown {
  private readonly logger = new Logger(JournaledGameStore.name);
  private compaction: Promise<void> | null = null;
  private lastCompactionAt = Number.NEGATIVE_INFINITY;
  private recovered: string[] = [];
  /** Games whose history record is known to be stored. */
  private readonly historyStored = new Set<string>();
  /** What the journal last recorded of each game; absent when its next commit must be written whole. */
  private readonly shapes = new Map<string, JournaledShape>();

  constructor(
    private readonly journal: AppendJournal,
    clock: Clock,
    private readonly compactionPolicy: CompactionPolicy = DEFAULT_COMPACTION,
  ) {
    super(clock);
  }

  /** Games brought back from the journal at start (not yet ended). */
  get recoveredGameIds(): readonly string[] {
    return this.recovered;
  }

  /** Games past the podium that a previous run journaled: their history record may not have been written before it stopped. */
  finishedGames(): GameState[] {
    return [...this.games.values()]
      .map((e) => e.game)
      .filter((g) => (g.phase === 'podium' || g.phase === 'ended') && g.startedAt !== null && !this.historyStored.has(g.id));
  }

  /** History has the game's record: never write it again from the journal (a teacher may delete it). */
  async markHistoryStored(gameId: string): Promise<void> {
    if (this.historyStored.has(gameId) || !this.games.has(gameId)) return;
    this.historyStored.add(gameId);
    await this.write({ t: 'history', at: this.clock.now(), gameId });
  }

  /** The journal's last write failure, for readiness (null while it writes). */
  get journalError(): Error | null {
    return this.journal.lastError;
  }

  /** The compaction under way, if any (tests and shutdown wait for it). */
  get compacting(): Promise<void> | null {
    return this.compaction;
  }

  /**
   * Replays the journal into memory, marks every connection of the
   * recovered games as gone (sockets did not survive), pauses an open
   * question where it stood when the journal last heard of it, then
   * rewrites the journal as one snapshot so it never grows across restarts.
   */
  async recover(): Promise<void> {
    const replayed = replayJournal(this.journal.readExisting());
    if (replayed.skipped > 0) this.logger.warn(`Skipped ${replayed.skipped} unreadable journal line(s) (a write cut short by a crash or a full disk).`);
    const now = this.clock.now();
    for (const [id, { game, answered, expiresAt }] of replayed.games) {
      this.games.set(id, { game, version: 0, answered, expiresAt });
      this.pins.set(game.pin, id);
      if (expiresAt !== null && expiresAt <= now) continue;
      prepareRecoveredGame(game, Math.min(replayed.lastAt || now, now), now);
      if (game.phase !== 'ended') this.recovered.push(id);
    }
    for (const id of replayed.historyStored) this.historyStored.add(id);
    this.journal.open();
    await this.journal.compact(() => this.snapshotLines());
    this.lastCompactionAt = now;
    if (this.recovered.length > 0) this.logger.warn(`Recovered ${this.recovered.length} live game(s) from the journal.`);
  }

  override async insert(game: GameState): Promise<boolean> {
    if (!(await super.insert(game))) return false;
    try {
      this.shapes.set(game.id, shapeOf(game));
      await this.write({ t: 'game', at: this.clock.now(), game });
    } catch (err) {
      // Not durable, so not created: the caller is told to try again.
      this.games.delete(game.id);
      this.pins.delete(game.pin);
      this.shapes.delete(game.id);
      throw err;
    }
    return true;
  }

  override commit(game: GameState, version: number, _open?: OpenAnswers | null, changes?: readonly GameEvent[]): Promise<number | null> {
    const committed = this.commitNow(game, version);
    if (committed === null) return Promise.resolve(null);
    // Described and queued now, in the turn the change was made: the players it names are serialized as they are now.
    const entry = commitEntry(game, changes, this.shapes.get(game.id) ?? null, this.clock.now());
    this.shapes.set(game.id, shapeOf(game));
    return this.write(entry).then(
      () => committed,
      (err: unknown) => {
        // The change stays in memory but not on disk: the game's next commit writes it whole, this one included.
        this.shapes.delete(game.id);
        throw err;
      },
    );
  }

  override recordAnswer(gameId: string, questionIndex: number, key: string, record: AnswerRecord): Promise<AnswerWrite> {
    // Kept and queued in one turn: a reveal committed later is always journaled after this answer.
    const write = this.storeAnswer(gameId, questionIndex, key, record);
    // Promise chains, not an async frame: thousands of answers wait on one fsync at once.
    if (write.status === 'stored') {
      return this.write({ t: 'answer', at: this.clock.now(), gameId, index: questionIndex, record }).then(
        () => write,
        (err: unknown) => {
          // Not on disk, so not kept: the phone is told to send it again, and the retry must not find it as a duplicate.
          this.forgetAnswer(gameId, questionIndex, record);
          throw err;
        },
      );
    }
    if (write.status === 'duplicate') return this.confirmKeptAnswer(gameId, questionIndex, record.playerId).then(() => write);
    return Promise.resolve(write);
  }

  /** A repeat may arrive while the first copy is still on its way to disk: its ack waits for it, and fails with it. */
  override confirmKeptAnswer(gameId: string, questionIndex: number, playerId: string): Promise<void> {
    return this.journal.flush().then(() => {
      // Forgotten: its batch failed and its sender was told to try again.
      if (!this.games.get(gameId)?.game.answers[questionIndex]?.[playerId]) throw new Error('the first copy of this answer could not be written');
    });
  }

  private forgetAnswer(gameId: string, questionIndex: number, record: AnswerRecord): void {
    const entry = this.games.get(gameId);
    const answers = entry?.game.answers[questionIndex];
    if (!entry || answers?.[record.playerId] !== record) return;
    delete answers[record.playerId];
    entry.answered[questionIndex] = Math.max(0, (entry.answered[questionIndex] ?? 1) - 1);
  }

  override async retire(gameId: string, keepMs: number): Promise<void> {
    await super.retire(gameId, keepMs);
    const until = this.games.get(gameId)?.expiresAt;
    if (until != null) await this.write({ t: 'retire', at: this.clock.now(), gameId, until });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Everything acknowledged is already on disk; this waits for lines still being written and closes the file. */
  async close(): Promise<void> {
    await this.compaction;
    await this.journal.close();
  }

  /**
   * Resolves once the entry is on disk. A compaction that is due starts once it is (a promise only then, not one
   * per entry): its snapshot then holds no change of this entry's batch, which may yet fail and be undone in memory.
   */
  private write(entry: JournalEntry): Promise<void> {
    const written = this.journal.append(JSON.stringify(entry));
    if (!this.compaction && this.compactionDue()) {
      this.lastCompactionAt = this.clock.now();
      this.compaction = written
        .then(
          () => this.journal.compact(() => this.snapshotLines()),
          // The entry's batch failed; the next entry past the interval tries again.
          () => undefined,
        )
        .catch((err: unknown) => this.logger.error(`Journal compaction failed (the journal goes on as it was): ${String(err)}`))
        .finally(() => (this.compaction = null));
    }
    return written;
  }

  private compactionDue(): boolean {
    const { minBytes, growth, minIntervalMs } = this.compactionPolicy;
    const threshold = Math.max(minBytes, growth * this.journal.snapshotSize);
    if (this.journal.size < threshold || this.clock.now() - this.lastCompactionAt < minIntervalMs) return false;
    // An open question means an answer burst may be under way: the snapshot's serialization waits for the reveal, up to a point.
    return this.journal.size >= 4 * threshold || ![...this.games.values()].some((e) => e.game.phase === 'question');
  }

  /** Current live games as journal lines. */
  private snapshotLines(): string[] {
    const now = this.clock.now();
    const lines: string[] = [];
    for (const [id, entry] of this.games) {
      if (entry.expiresAt !== null && entry.expiresAt <= now) {
        this.games.delete(id);
        this.historyStored.delete(id);
        this.shapes.delete(id);
        if (this.pins.get(entry.game.pin) === id) this.pins.delete(entry.game.pin);
        continue;
      }
      this.shapes.set(id, shapeOf(entry.game));
      lines.push(JSON.stringify({ t: 'game', at: now, game: entry.game } satisfies JournalEntry));
      if (entry.expiresAt !== null) lines.push(JSON.stringify({ t: 'retire', at: now, gameId: id, until: entry.expiresAt } satisfies JournalEntry));
      if (this.historyStored.has(id)) lines.push(JSON.stringify({ t: 'history', at: now, gameId: id } satisfies JournalEntry));
    }
    return lines;
  }
}
