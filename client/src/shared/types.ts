/** The wire types, straight from the protocol module shared with the server (docs/protocol.md); types only here. */
export type {
  Ack,
  ClientEmitters,
  ClientEvent,
  ErrorCode,
  GameOverView,
  HostCommandEvent,
  HostSnapshot,
  JoinResult,
  LeaderboardView,
  LobbyUpdateView,
  LobbyView,
  PayloadArgs,
  PlayerGameOverView,
  PlayerResultView,
  PlayerSnapshot,
  PodiumEntry,
  ProgressView,
  QuestionView,
  RankedPlayer,
  ResultOf,
  ResumeResult,
  RevealView,
  ServerEvents,
  ServerListeners,
} from '../../../src/protocol/index.js';
export type { DeckSummary } from '../../../src/questions/deck.js';
export type { HistoryRecord, HistoryQuestion } from '../../../src/history/history-record.js';
export type { HistoryReport } from '../../../src/history/history-report.js';
export type { HistoryPage } from '../../../src/history/history-summary.js';
export type { StudentReport } from '../../../src/history/student-report.js';
