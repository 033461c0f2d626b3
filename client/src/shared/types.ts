/** The wire types, straight from the server's contract (docs/protocol.md); types only, nothing of the server is bundled. */
export type {
  GameOverView,
  HostSnapshot,
  LeaderboardView,
  LobbyView,
  LobbyUpdateView,
  PlayerGameOverView,
  PlayerResultView,
  PlayerSnapshot,
  ProgressView,
  QuestionView,
  RevealView,
  RankedPlayer,
  ErrorCode,
} from '../../../src/game/engine/index.js';
export type { Ack, JoinResult, ResumeResult, ServerEvents } from '../../../src/game/protocol.js';
export type { DeckSummary } from '../../../src/questions/deck.js';
export type { HistoryRecord, HistoryQuestion } from '../../../src/history/history-record.js';
export type { HistoryReport } from '../../../src/history/history-report.js';
export type { HistoryPage } from '../../../src/history/history-summary.js';
export type { StudentReport } from '../../../src/history/student-report.js';
