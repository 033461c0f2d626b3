/**
 * Every refusal a client can receive. The codes are part of the wire contract
 * (docs/protocol.md): never rename one, only add.
 */
export const ERROR_MESSAGES = {
  INVALID_PAYLOAD: 'The request is malformed.',
  UNKNOWN_EVENT: 'The server does not know that event.',
  UNAUTHORIZED: 'A valid teacher key is required.',
  GAME_NOT_FOUND: 'No live game has that PIN or id.',
  GAME_LOCKED: 'The game is locked: the teacher is not letting new players in.',
  GAME_FULL: 'The game has reached its player limit.',
  GAME_OVER: 'The game has already finished.',
  NICKNAME_TAKEN: 'Someone in this game already uses that nickname.',
  NICKNAME_REFUSED: 'That nickname is not allowed: choose another one.',
  INVALID_TOKEN: 'That token does not belong to any player or host of a live game.',
  KICKED: 'The teacher removed this player from the game.',
  NOT_HOST: 'Only the host of the game can do that.',
  NOT_PLAYER: 'Join the game first.',
  WRONG_PHASE: 'That cannot be done at this point of the game.',
  PAUSED: 'The game is paused.',
  NOT_OPEN: 'That question is not open for answers.',
  TOO_LATE: 'Time is up for that question.',
  INVALID_ANSWER: 'That answer does not fit the question.',
  PLAYER_NOT_FOUND: 'No player with that id in this game.',
  DECK_NOT_FOUND: 'No deck with that id.',
  DECK_EXISTS: 'A deck with that id already exists.',
  DECK_UNUSABLE: 'No questions could be made from that deck: it needs numbered sections ("1. Title") with bullet points.',
  NO_PLAYERS: 'At least one player must join before the game starts.',
  NOT_ENOUGH_QUESTIONS: 'The deck does not have enough questions for that selection.',
  RATE_LIMITED: 'Too many requests: slow down.',
  ORIGIN_NOT_ALLOWED: 'Requests from that page or under that host name are not accepted.',
  TRY_AGAIN: 'The server could not save that just now: try again.',
  INTERNAL_ERROR: 'Something went wrong on the server.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class GameError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
  ) {
    super(message);
    this.name = 'GameError';
  }
}
