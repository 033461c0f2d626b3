/** The wire types now live in `src/protocol/` (shared with the client); this keeps the server's older import path working. */
export type { Ack, HostSnapshot, JoinResult, PauseReason, PlayerSnapshot, ResumeResult, ServerEvent, ServerEvents } from '../protocol/index.js';
