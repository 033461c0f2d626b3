/**
 * What changed, as the engine reports it. The runner turns each event into
 * the messages of docs/protocol.md; the engine itself knows nothing of sockets.
 */
export type GameEvent =
  /**
   * `playerId`: the player who joined, left, came back or was kicked (none for a lock change);
   * `joined`: a new player, and nothing else changed for them (a store may write a join apart from other commits).
   */
  | { type: 'lobby-changed'; playerId?: string; joined?: true }
  | { type: 'question-opened' }
  | { type: 'answer-recorded'; playerId: string }
  | { type: 'question-closed' }
  | { type: 'leaderboard-shown' }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'player-kicked'; playerId: string }
  /** Final scores are in: podium shown, the game goes to history. */
  | { type: 'game-over' }
  /** The game is closed for good; nothing more will happen in it. */
  | { type: 'game-ended' };
