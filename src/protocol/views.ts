/**
 * The payloads the server sends, as the engine builds them (src/game/engine/views.ts).
 * Types only: nothing of the engine is bundled into the client.
 */
export type {
  Distribution,
  GameOverView,
  HostSnapshot,
  LeaderboardView,
  LobbyPlayer,
  LobbyUpdateView,
  LobbyView,
  OrderingBreakdown,
  PlayerGameOverView,
  PlayerResultView,
  PlayerSnapshot,
  ProgressView,
  QuestionView,
  RevealView,
  TypedAnswerCount,
} from '../game/engine/views.js';
export type { PodiumEntry, RankedPlayer } from '../game/engine/ranking.js';
export type { AnswerValue } from '../questions/question.js';
