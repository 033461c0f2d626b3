import type { ErrorCode } from './errors.js';
import type { GameOverView, LeaderboardView, LobbyUpdateView, PlayerGameOverView, PlayerResultView, ProgressView, QuestionView, RevealView } from './views.js';

/** Server → client events and their payloads (docs/protocol.md, "Server → client events"). */
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
  /** A failed event that was sent without an ack. */
  exception: { event: string; code: ErrorCode; message: string };
}

export type PauseReason = 'host' | 'host-absent' | 'store-unavailable';

export type ServerEvent = keyof ServerEvents;

/** The server events as socket.io's typed `Socket` wants them: one listener signature per event. */
export type ServerListeners = { [E in ServerEvent]: (payload: ServerEvents[E]) => void };
