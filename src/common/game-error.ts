import { ERRORS, type ErrorCode } from '../protocol/errors.js';

/**
 * A refusal with a code of the protocol's catalogue: thrown anywhere on the
 * server (engine, services, stores) and turned into an ack or a REST error by
 * the exception filters. The message defaults to the catalogue's.
 */
export class GameError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
  ) {
    super(message);
    this.name = 'GameError';
  }
}
