/**
 * The wire types live in `src/protocol/` (shared with the client). This
 * re-export keeps the import path the test suites use; new code imports
 * `../protocol/index.js`.
 */
export type { Ack, HostSnapshot, JoinResult, PauseReason, PlayerSnapshot, ResumeResult, ServerEvent, ServerEvents } from '../protocol/index.js';
