import type {
  GameOverView,
  HostSnapshot,
  LeaderboardView,
  LobbyUpdateView,
  PlayerGameOverView,
  PlayerResultView,
  PlayerSnapshot,
  ProgressView,
  QuestionView,
  RevealView,
} from './engine/index.js';
import type { ErrorCode } from './engine/index.js';

/** Server → client events (docs/protocol.md, "Server events"). */
export interface ServerEvents {
  'lobby:update': LobbyUpdateView;
  'question:open': QuestionView;
  'question:progress': ProgressView;
  'question:reveal': RevealView;
  'player:result': PlayerResultView;
  'leaderboard:update': LeaderboardView;
  /** `reason`: the host paused, no host for a while, or the server lost its store (then it resumes by itself). */
  'game:paused': { remainingMs: number; byHostAbsence: boolean; reason: PauseReason };
  'game:resumed': QuestionView;
  /** The host gets `GameOverView` (whole leaderboard), each phone `PlayerGameOverView`; `historySaved`: false while the record waits in the outbox (then `history:saved` follows). */
  'game:over': (GameOverView | PlayerGameOverView) & { historySaved: boolean };
  'game:ended': { reason: GameOverView['endReason'] };
  'player:kicked': { message: string };
  'session:replaced': { message: string };
  'server:restarting': { reason: 'shutdown'; retryAfterMs: number };
  'history:saved': { historyId: string };
}

export type PauseReason = 'host' | 'host-absent' | 'store-unavailable';

export type ServerEvent = keyof ServerEvents;

/** Every ack answers with one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export interface JoinResult {
  gameId: string;
  playerId: string;
  playerToken: string;
  snapshot: PlayerSnapshot;
}

export interface ResumeResult {
  gameId: string;
  playerId: string;
  snapshot: PlayerSnapshot;
}

export type { HostSnapshot, PlayerSnapshot };
