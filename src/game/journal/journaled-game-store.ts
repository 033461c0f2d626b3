import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { dict, withoutPrototypes, type AnswerRecord, type GameState } from '../engine/index.js';
import type { AnswerWrite } from '../store/game-store.js';
import { MemoryGameStore } from '../store/memory-game-store.js';
import type { AppendJournal } from './append-journal.js';
import { parseEntry, type JournalEntry } from './journal-entry.js';
import { prepareRecoveredGame } from './recovered-game.js';

/** Past this many bytes the journal is rewritten as one snapshot of the live games. */
export const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

/**
 * The embedded store made durable: live games stay in memory (as in
 * MemoryGameStore), and every change the runner acknowledges is first in the
 * journal on disk — a commit writes the game's whole state, an answer its
 * own record, a retirement when the game may be forgotten. `commit` and
 * `recordAnswer` resolve only after the fsync, so an ack is never ahead of
 * the disk. After a crash, `recover` replays the journal.
 */
export class JournaledGameStore extends MemoryGameStore implements OnApplicationShutdown {
  private readonly logger = new Logger(JournaledGameStore.name);
  private compaction: Promise<void> | null = null;
  private recovered: string[] = [];
  /** Games whose history record is known to be stored. */
  private readonly historyStored = new Set<string>();

  constructor(
    private readonly journal: AppendJournal,
    private readonly now: () => number = Date.now,
  ) {
    super();
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
    await this.write({ t: 'history', at: this.now(), gameId });
  }

  /** The journal's last write failure, for readiness (null while it writes). */
  get journalError(): Error | null {
    return this.journal.lastError;
  }

  /**
   * Replays the journal into memory, marks every connection of the
   * recovered games as gone (sockets did not survive), pauses an open
   * question where it stood when the journal last heard of it, then
   * rewrites the journal as one snapshot so it never grows across restarts.
   */
  async recover(): Promise<void> {
    let lastAt = 0;
    let skipped = 0;
    for (const line of this.journal.readExisting()) {
      const entry = parseEntry(line);
      if (!entry) {
        skipped++;
        continue;
      }
      lastAt = Math.max(lastAt, entry.at);
      this.replay(entry);
    }
    if (skipped > 0) this.logger.warn(`Skipped ${skipped} unreadable journal line(s) (a write cut short by a crash or a full disk).`);
    const now = this.now();
    for (const entry of this.games.values()) {
      if (entry.expiresAt !== null && entry.expiresAt <= now) continue;
      prepareRecoveredGame(entry.game, Math.min(lastAt || now, now), now);
      if (entry.game.phase !== 'ended') this.recovered.push(entry.game.id);
    }
    this.journal.open();
    await this.journal.compact(() => this.snapshotLines());
    if (this.recovered.length > 0) this.logger.warn(`Recovered ${this.recovered.length} live game(s) from the journal.`);
  }

  override async insert(game: GameState): Promise<boolean> {
    if (!(await super.insert(game))) return false;
    try {
      await this.write({ t: 'game', at: this.now(), game });
    } catch (err) {
      // Not durable, so not created: the caller is told to try again.
      this.games.delete(game.id);
      this.pins.delete(game.pin);
      throw err;
    }
    return true;
  }

  override async commit(game: GameState, version: number): Promise<number | null> {
    const committed = await super.commit(game, version);
    if (committed !== null) await this.write({ t: 'game', at: this.now(), game });
    return committed;
  }

  override async recordAnswer(gameId: string, questionIndex: number, key: string, record: AnswerRecord): Promise<AnswerWrite> {
    const write = await super.recordAnswer(gameId, questionIndex, key, record);
    if (write.status === 'stored') {
      try {
        await this.write({ t: 'answer', at: this.now(), gameId, index: questionIndex, record });
      } catch (err) {
        // Not on disk, so not kept: the phone is told to send it again, and the retry must not find it as a duplicate.
        this.forgetAnswer(gameId, questionIndex, record);
        throw err;
      }
    }
    // A repeat may arrive while the first copy is still on its way to disk: its ack waits for it too.
    else if (write.status === 'duplicate') await this.journal.flush();
    return write;
  }

  private forgetAnswer(gameId: string, questionIndex: number, record: AnswerRecord): void {
    const entry = this.games.get(gameId);
    const answers = entry?.game.answers[questionIndex];
    if (!entry || answers?.[record.playerId] !== record) return;
    delete answers[record.playerId];
    entry.scores.set(record.playerId, (entry.scores.get(record.playerId) ?? 0) - record.points);
  }

  override async retire(gameId: string, keepMs: number): Promise<void> {
    await super.retire(gameId, keepMs);
    const until = this.games.get(gameId)?.expiresAt;
    if (until != null) await this.write({ t: 'retire', at: this.now(), gameId, until });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Everything acknowledged is already on disk; this waits for lines still being written and closes the file. */
  async close(): Promise<void> {
    await this.compaction;
    await this.journal.close();
  }

  private async write(entry: JournalEntry): Promise<void> {
    await this.journal.append(JSON.stringify(entry));
    if (this.journal.size > COMPACT_AFTER_BYTES && !this.compaction) {
      this.compaction = this.journal
        .compact(() => this.snapshotLines())
        .catch((err: unknown) => this.logger.error(`Journal compaction failed: ${String(err)}`))
        .finally(() => (this.compaction = null));
    }
  }

  private replay(entry: JournalEntry): void {
    switch (entry.t) {
      case 'game': {
        // Read back from JSON: the tables keyed by client ids get their null prototype again.
        withoutPrototypes(entry.game);
        const existing = this.games.get(entry.game.id);
        if (existing && existing.game.pin !== entry.game.pin) this.pins.delete(existing.game.pin);
        const answered = entry.game.answers.map((byPlayer) => (byPlayer ? Object.keys(byPlayer).length : 0));
        this.games.set(entry.game.id, { game: entry.game, version: 0, scores: new Map(), answered, expiresAt: existing?.expiresAt ?? null });
        this.pins.set(entry.game.pin, entry.game.id);
        return;
      }
      case 'answer': {
        const stored = this.games.get(entry.gameId);
        if (!stored) return;
        const byPlayer = (stored.game.answers[entry.index] ??= dict());
        if (byPlayer[entry.record.playerId]) return;
        byPlayer[entry.record.playerId] = entry.record;
        stored.answered[entry.index] = (stored.answered[entry.index] ?? 0) + 1;
        return;
      }
      case 'retire': {
        const stored = this.games.get(entry.gameId);
        if (stored) stored.expiresAt = entry.until;
        return;
      }
      case 'history':
        this.historyStored.add(entry.gameId);
        return;
    }
  }

  /** Current live games as journal lines; also rebuilds the scoreboards the answers imply. */
  private snapshotLines(): string[] {
    const now = this.now();
    const lines: string[] = [];
    for (const [id, entry] of this.games) {
      if (entry.expiresAt !== null && entry.expiresAt <= now) {
        this.games.delete(id);
        this.historyStored.delete(id);
        if (this.pins.get(entry.game.pin) === id) this.pins.delete(entry.game.pin);
        continue;
      }
      entry.scores = scoresOf(entry.game);
      lines.push(JSON.stringify({ t: 'game', at: now, game: entry.game } satisfies JournalEntry));
      if (entry.expiresAt !== null) lines.push(JSON.stringify({ t: 'retire', at: now, gameId: id, until: entry.expiresAt } satisfies JournalEntry));
      if (this.historyStored.has(id)) lines.push(JSON.stringify({ t: 'history', at: now, gameId: id } satisfies JournalEntry));
    }
    return lines;
  }
}

/** The scoreboard is the sum of every kept answer's points (what recordAnswer adds up). */
function scoresOf(game: GameState): Map<string, number> {
  const scores = new Map<string, number>();
  for (const answers of game.answers) {
    for (const record of Object.values(answers ?? {})) scores.set(record.playerId, (scores.get(record.playerId) ?? 0) + record.points);
  }
  return scores;
}
