import type { AnswerValue, Question } from '../../questions/question.js';
import type { ScoringProfile } from './scoring.js';

/**
 * The whole state of one live game as plain data (serializable, so any store
 * can keep it). Times are epoch milliseconds handed in by the caller: the
 * engine never reads a clock.
 */
export type Phase = 'lobby' | 'question' | 'reveal' | 'leaderboard' | 'podium' | 'ended';
/**
 * `abandoned`: the host left and did not come back; `interrupted`: the server
 * stopped (crash, restart) and the host did not come back to the restored game.
 */
export type EndReason = 'completed' | 'ended-early' | 'abandoned' | 'interrupted';

/** A question as played in a round: options already shuffled, with its point multiplier. */
export type RoundQuestion = Question & {
  multiplier: 0 | 1 | 2;
};

export interface GameSettings {
  deckId: string;
  deckTitle: string;
  timeLimitMs: number;
  scoring: ScoringProfile;
  sections: string[];
  types: string[];
  seed: number;
  /** Answers arriving this long after the deadline still count (network delay). */
  graceMs: number;
  /** A dropped phone still counts as "to answer" this long, so a reload does not end the question for everyone. */
  reconnectGraceMs: number;
  /** With no host connected for this long, an open question pauses. */
  hostAbsencePauseMs: number;
  /** With no host connected for this long, the game ends as abandoned (interrupted, if the server had stopped meanwhile). */
  abandonAfterMs: number;
  maxPlayers: number;
  /**
   * The "get ready" screen: each question is shown alone this long before its
   * options open (0: options open at once). Absent in games stored before it existed.
   */
  getReadyMs?: number;
  /** The teacher's "random names" switch: players get generated friendly names instead of the ones they type. */
  randomNames?: boolean;
}

export interface PlayerState {
  id: string;
  nickname: string;
  score: number;
  streak: number;
  bestStreak: number;
  correctCount: number;
  connected: boolean;
  /** When the player's last connection dropped (null while connected). */
  leftAt: number | null;
  kicked: boolean;
  joinedAt: number;
  /** Rank before the last reveal, so the leaderboard can show who moved up. */
  previousRank: number | null;
  /** The id the phone keeps in its own storage (shape-checked), so a kick can ban the device; null if none was sent. */
  deviceId?: string | null;
  /** Rank at the last reveal (ranks are computed once per reveal and looked up after). */
  rank: number;
}

export interface AnswerRecord {
  playerId: string;
  answer: AnswerValue;
  receivedAt: number;
  /** Server-measured, from the question opening, pauses excluded, capped at the time limit. */
  responseMs: number;
  correct: boolean;
  points: number;
  streak: number;
}

export interface PauseState {
  at: number;
  /** Time the open question had left when paused. */
  remainingMs: number;
  byHostAbsence: boolean;
}

/** Hashes of the secrets behind the host and player tokens; never leaves the server. */
export interface Credentials {
  host: string;
  players: Record<string, string>;
}

export interface GameState {
  id: string;
  pin: string;
  credentials: Credentials;
  settings: GameSettings;
  questions: RoundQuestion[];
  phase: Phase;
  paused: PauseState | null;
  locked: boolean;
  /** Current question index; -1 in the lobby. */
  index: number;
  /** When the open question's options open and its clock starts; response times count from here. */
  openedAt: number | null;
  /** Set while the question is shown alone ("get ready"): the moment its options open. Null once they are open. */
  opensAt?: number | null;
  deadlineAt: number | null;
  players: Record<string, PlayerState>;
  /** Nicknames in play, folded to lower case → player id: O(1) uniqueness checks for big classes. */
  nicknames: Record<string, string>;
  /** Device ids of kicked players: they cannot join this game again. Absent in games stored before bans existed. */
  bannedDevices?: Record<string, true>;
  /**
   * askedAt[questionIndex]: when the question was first shown. A player who
   * joined later could not answer it and is not counted as "unanswered".
   * Absent in games stored before it existed.
   */
  askedAt?: number[];
  /** Players in the game (not kicked), kept with every join and kick so no event counts the class. */
  activeCount: number;
  /** Of those, how many are connected: a bound that lets most answers skip counting who is still awaited. */
  connectedCount: number;
  /** The rank a score of 0 had at the last reveal: where a player joining now stands. */
  newcomerRank: number;
  /**
   * Moves on whenever the ranking can change (a reveal, a join, a removal), so
   * the ranking order is sorted once per change and looked up in between
   * (see ranking.ts). Absent in games stored before it existed.
   */
  standingsVersion?: number;
  /** answers[questionIndex][playerId]. */
  answers: Array<Record<string, AnswerRecord>>;
  /** The latest player disconnection: when its grace ends, the open question may be complete. */
  lastDepartureAt: number | null;
  hostConnected: boolean;
  hostLeftAt: number | null;
  /**
   * When the server brought the game back after it stopped (crash or drain);
   * cleared once the host attaches again. If the host never does, the game
   * ends as `interrupted`, not `abandoned`. Absent in games stored before it existed.
   */
  restoredAt?: number | null;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  endReason: EndReason | null;
}
