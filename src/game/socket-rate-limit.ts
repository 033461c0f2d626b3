import { GameError } from '../common/game-error.js';

/**
 * A fixed window of `points` per `durationMs`, counted as rate-limiter-flexible's memory limiter counts: the window
 * starts with its first point, and a refused point counts too.
 */
export class FixedWindow {
  private startedAt = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(
    private readonly points: number,
    private readonly durationMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a point; false once the window's points are spent. */
  take(): boolean {
    const now = this.now();
    if (now - this.startedAt >= this.durationMs) {
      this.startedAt = now;
      this.used = 0;
    }
    this.used++;
    return this.used <= this.points;
  }

  /** Whether the current window has no points left (a window that has run out counts as new, not as spent). */
  spent(): boolean {
    return this.now() - this.startedAt < this.durationMs && this.used >= this.points;
  }
}

/**
 * Per-connection limits, kept on the socket and counted synchronously: every
 * event passes through them, so they cost no promise, timer or map lookup.
 * Every event costs a point: a phone never comes near the limit, a script
 * flooding the server is refused with RATE_LIMITED instead of slowing the
 * game for everyone. Joins that name no game cost more, so guessing PINs
 * from one connection stops quickly. Limits are per socket, never per
 * address: a whole class may share one public IP.
 */
export class SocketLimits {
  private readonly events: FixedWindow;
  private readonly wrongPins: FixedWindow;

  constructor(now: () => number = Date.now) {
    this.events = new FixedWindow(40, 2_000, now);
    this.wrongPins = new FixedWindow(10, 60_000, now);
  }

  /** Counts an event; false when the connection is over its limit (the event is refused RATE_LIMITED). */
  event(): boolean {
    return this.events.take();
  }

  /** Refuses a join while this connection has named too many games that do not exist. */
  joinAllowed(): void {
    if (this.wrongPins.spent()) throw new GameError('RATE_LIMITED');
  }

  wrongPin(): void {
    this.wrongPins.take();
  }
}
