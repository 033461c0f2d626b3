import { GameError } from '../game-error.js';

/** RATE_LIMITED with how long the caller should wait (REST sends it as Retry-After). */
export class RateLimited extends GameError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super('RATE_LIMITED', `${message}: try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`);
  }
}
