import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { GameError } from '../common/game-error.js';

/**
 * Per-connection limits. Every event costs a point: a phone never comes near
 * the limit, a script flooding the server is refused with RATE_LIMITED
 * instead of slowing the game for everyone. Joins that name no game cost
 * more, so guessing PINs from one connection stops quickly. Limits are per
 * socket, never per address: a whole class may share one public IP.
 */
const events = new RateLimiterMemory({ keyPrefix: 'events', points: 40, duration: 2 });
const wrongPins = new RateLimiterMemory({ keyPrefix: 'pins', points: 10, duration: 60 });

async function take(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new GameError('RATE_LIMITED');
    throw err;
  }
}

export const socketLimits = {
  event: (socketId: string) => take(events, socketId),
  /** Refuses a join while this connection has named too many games that do not exist. */
  joinAllowed: async (socketId: string) => {
    const state = await wrongPins.get(socketId);
    if (state && state.remainingPoints <= 0) throw new GameError('RATE_LIMITED');
  },
  wrongPin: (socketId: string) => wrongPins.penalty(socketId, 1).then(() => undefined),
};
