import type { Logger } from '@nestjs/common';
import { GameError } from '../../common/game-error.js';

/**
 * Runs a store call so that a store failure (Redis unreachable, timed out)
 * becomes the retryable TRY_AGAIN every client knows how to handle; game
 * errors pass through as they are.
 */
export async function guardStore<T>(logger: Pick<Logger, 'warn'>, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof GameError) throw err;
    logger.warn(`store: ${describeFailure(err)}`);
    throw new GameError('TRY_AGAIN');
  }
}

/** A store call bound to one logger, as the runner's parts take it. */
export type StoreGuard = <T>(call: () => Promise<T>) => Promise<T>;

export function storeGuard(logger: Pick<Logger, 'warn'>): StoreGuard {
  return (call) => guardStore(logger, call);
}

/** A failure in a log line: a game error by its code, anything else by its message. */
export function describeFailure(err: unknown): string {
  if (err instanceof GameError) return err.code;
  return err instanceof Error ? err.message : String(err);
}
