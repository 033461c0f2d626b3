import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { dict, openKey, type AnswerRecord, type GameEvent, type GameState } from '../engine/index.js';
import { GameStore, type AnswerWrite, type LoadedGame, type OpenAnswers } from './game-store.js';

export interface Entry {
  game: GameState;
  version: number;
  /** Answers per question index, counted as they are kept: no count walks the answers. */
  answered: number[];
  expiresAt: number | null;
}

/**
 * The embedded default: live games in this process's memory. Loads hand out
 * the stored object itself, not a copy (copying a game of thousands of
 * players on every join would cost milliseconds each); the runner serializes
 * each game's operations in this process, so a commit only moves the version
 * on. Answers recorded while a change is applied land in that same object,
 * so a closing question sees them.
 */
@Injectable()
export class MemoryGameStore extends GameStore {
  protected readonly games = new Map<string, Entry>();
  protected readonly pins = new Map<string, string>();

  /** The clock retired games expire by: the runner's, so a test's manual clock also decides when a finished game is forgotten. */
  constructor(protected readonly clock: Clock) {
    super();
  }

  async insert(game: GameState): Promise<boolean> {
    this.sweep();
    if (this.pins.has(game.pin)) return false;
    this.pins.set(game.pin, game.id);
    this.games.set(game.id, { game, version: 0, answered: [], expiresAt: null });
    return true;
  }

  async load(gameId: string): Promise<LoadedGame | null> {
    const entry = this.entry(gameId);
    if (!entry) return null;
    const open = entry.game.phase === 'question' ? (entry.answered[entry.game.index] ?? 0) : 0;
    return { game: entry.game, version: entry.version, openCount: open };
  }

  async findIdByPin(pin: string): Promise<string | null> {
    const id = this.pins.get(pin);
    return id && this.entry(id) ? id : null;
  }

  async commit(game: GameState, version: number, _open?: OpenAnswers | null, _changes?: readonly GameEvent[]): Promise<number | null> {
    return this.commitNow(game, version);
  }

  /** The commit itself, synchronous: a subclass can record it in the same turn as the change it commits. */
  protected commitNow(game: GameState, version: number): number | null {
    const entry = this.entry(game.id);
    if (!entry || entry.version !== version) return null;
    if (entry.game !== game) entry.game = game;
    entry.version += 1;
    return entry.version;
  }

  async recordAnswer(gameId: string, questionIndex: number, key: string, record: AnswerRecord): Promise<AnswerWrite> {
    return this.storeAnswer(gameId, questionIndex, key, record);
  }

  /** Keeps the answer, synchronously (see `commitNow`). */
  protected storeAnswer(gameId: string, questionIndex: number, key: string, record: AnswerRecord): AnswerWrite {
    const entry = this.entry(gameId);
    if (!entry) return { status: 'stale' };
    const answers = (entry.game.answers[questionIndex] ??= dict());
    if (answers[record.playerId]) return { status: 'duplicate' };
    if (openKey(entry.game) !== key) return { status: 'stale' };
    if (entry.game.players[record.playerId]?.kicked) return { status: 'kicked' };
    answers[record.playerId] = record;
    const answered = (entry.answered[questionIndex] ?? 0) + 1;
    entry.answered[questionIndex] = answered;
    return { status: 'stored', answered };
  }

  async hasAnswered(gameId: string, questionIndex: number, playerId: string): Promise<boolean> {
    return Boolean(this.entry(gameId)?.game.answers[questionIndex]?.[playerId]);
  }

  async answersOf(gameId: string, questionCount: number): Promise<Array<Record<string, AnswerRecord>>> {
    const game = this.entry(gameId)?.game;
    return Array.from({ length: questionCount }, (_, i) => game?.answers[i] ?? dict<AnswerRecord>());
  }

  async retire(gameId: string, keepMs: number): Promise<void> {
    const entry = this.games.get(gameId);
    if (entry) entry.expiresAt = this.clock.now() + keepMs;
  }

  async liveGameIds(): Promise<string[]> {
    this.sweep();
    return [...this.games].filter(([, entry]) => entry.expiresAt === null).map(([id]) => id);
  }

  private entry(gameId: string): Entry | null {
    const entry = this.games.get(gameId);
    if (!entry) return null;
    if (entry.expiresAt !== null && entry.expiresAt <= this.clock.now()) {
      this.forget(gameId, entry);
      return null;
    }
    return entry;
  }

  private sweep(): void {
    for (const [id, entry] of this.games) if (entry.expiresAt !== null && entry.expiresAt <= this.clock.now()) this.forget(id, entry);
  }

  private forget(gameId: string, entry: Entry): void {
    if (this.pins.get(entry.game.pin) === gameId) this.pins.delete(entry.game.pin);
    this.games.delete(gameId);
  }
}
