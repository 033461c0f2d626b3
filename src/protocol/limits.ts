/**
 * Sizes the server enforces on what clients send, in one place: the server's
 * DTOs and engine check against them and the web client sizes its inputs
 * with them, so the two cannot drift apart.
 */
export const LIMITS = {
  /** A nickname, after trimming and folding (docs/protocol.md, `player:join`). */
  nickname: 20,
  /** A typed answer, in characters. */
  typedAnswer: 200,
  /** Options a question may offer; an answer's option indices are below this, and a list of them at most this long. */
  choices: 20,
  /** The highest question index an answer may name. */
  questionIndex: 999,
  /** A player or host token, in characters. */
  token: 120,
  /** Players one `host:kick-many` may list. */
  kickMany: 500,
  /** The longest window `host:kick-many` may reach back, in seconds. */
  joinedWithinSec: 3600,
  /** Questions in one game (`POST /api/games`, `questionCount`). */
  roundQuestions: 100,
  /** The longest "get ready" before a question's options open, in seconds (`POST /api/games`, `getReadySec`). */
  getReadySec: 10,
  /** Names of the latest joins a host's lobby shows (a host snapshot, and the host page's window of lobby updates). */
  lobbyWindow: 100,
} as const;

/** A game's PIN: six digits. */
export const PIN_PATTERN = /^\d{6}$/;
/** The same rule as an HTML `pattern` attribute (which is anchored by the browser). */
export const PIN_INPUT_PATTERN = '[0-9]{6}';
export const PIN_LENGTH = 6;

/** The random id a phone keeps and sends with every join (docs/protocol.md, `deviceId`). */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
