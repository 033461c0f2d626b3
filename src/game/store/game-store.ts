import type { AnswerRecord, GameEvent, GameState } from '../engine/index.js';

export interface OpenAnswers {
  index: number;
  count: number;
}

export interface LoadedGame {
  game: GameState;
  /** Bumped by every commit; a commit against an older version is refused. */
  version: number;
  /** How many answers the open question had at load time (0 when none is open). */
  openCount: number;
}

/** What became of an answer handed to the store. */
export type AnswerWrite =
  /** Kept and scored; `answered` is how many players have answered this question so far. */
  | { status: 'stored'; answered: number }
  /** The player had already answered this question: the first answer stands. */
  | { status: 'duplicate' }
  /** The question closed, paused or resumed since the answer was scored: score it again. */
  | { status: 'stale' }
  | { status: 'kicked' };

/**
 * Where live games are kept. Several server instances may share one store
 * (Redis), so changes are compare-and-set: `load` gives a version, `commit`
 * succeeds only if nobody committed since. Answers take their own atomic
 * path, `recordAnswer`, so a busy question never contends on the whole game.
 *
 * A loaded game carries the answers of its open question only (all of them
 * come from `answersOf`). Scores and ranks live in the game's players: the
 * engine adds each answer's points and ranks everyone once per reveal
 * (`storeRanks`), so no store keeps a separate scoreboard. A load may
 * be the stored object itself (memory, and Redis while the version is
 * unchanged) or a fresh copy: mutate a loaded game only to commit it.
 */
export abstract class GameStore {
  /** Stores a new game; false if its PIN is already used by a live game. */
  abstract insert(game: GameState): Promise<boolean>;
  abstract load(gameId: string): Promise<LoadedGame | null>;
  abstract findIdByPin(pin: string): Promise<string | null>;
  /**
   * Saves a game loaded at `version`; returns the new version, or null if the
   * game changed meanwhile, or if an answer to the question that was open at
   * load time (`open`: its index and how many answers the load saw) arrived since.
   * `changes` are the engine's events for the change being committed: a store
   * may write only what they say changed (the embedded journal does); without
   * them it must assume anything did.
   */
  abstract commit(game: GameState, version: number, open: OpenAnswers | null, changes?: readonly GameEvent[]): Promise<number | null>;
  /** First answer wins, atomically, and only while `openKey` still names the open question and the player is not kicked. */
  abstract recordAnswer(gameId: string, questionIndex: number, openKey: string, record: AnswerRecord): Promise<AnswerWrite>;
  abstract hasAnswered(gameId: string, questionIndex: number, playerId: string): Promise<boolean>;
  /**
   * A repeat of an answer the caller saw kept (in a state the store handed out) is acknowledged only once that
   * first copy is as durable as an acknowledged answer: this resolves then, and rejects if the first copy was lost
   * meanwhile (its own sender is told to try again, and so is the repeat). Stores whose states hold only written
   * answers resolve at once.
   */
  confirmKeptAnswer(_gameId: string, _questionIndex: number, _playerId: string): Promise<void> {
    return Promise.resolve();
  }
  /** Every question's answers, for the history record. */
  abstract answersOf(gameId: string, questionCount: number): Promise<Array<Record<string, AnswerRecord>>>;
  /** An ended game is kept this long more (late resumes see the final rank), then forgotten. */
  abstract retire(gameId: string, keepMs: number): Promise<void>;
  abstract liveGameIds(): Promise<string[]>;
}
