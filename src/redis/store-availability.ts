import { Injectable } from '@nestjs/common';
import { Clock, SystemClock } from '../common/clock/clock.js';

export interface AvailabilityListener {
  /** The store stopped answering at `at`. */
  down(at: number): void;
  /** It answers again: it was away from `since` to `at`. Call `settled()` once the games are caught up. */
  back(since: number, at: number): void;
}

/**
 * Whether the shared store (Redis) is reachable from this instance, as its
 * connection reports it. From the moment the connection drops until the
 * games are caught up after it returns (`settled`), `blocking` is true:
 * answers and deadlines wait (refused with TRY_AGAIN), so time spent
 * without the store never counts against a question. Embedded mode has no
 * such store: it is always up.
 */
@Injectable()
export class StoreAvailability {
  private state: 'up' | 'down' | 'catching-up' = 'up';
  private downSince: number | null = null;
  private readonly listeners: AvailabilityListener[] = [];

  /** The outage's bounds are given back to open questions, so they are read from the same clock as the questions' deadlines. */
  constructor(private readonly clock: Clock = new SystemClock()) {}

  get blocking(): boolean {
    return this.state !== 'up';
  }

  get since(): number | null {
    return this.downSince;
  }

  subscribe(listener: AvailabilityListener): void {
    this.listeners.push(listener);
  }

  markDown(at = this.clock.now()): void {
    if (this.state === 'down') return;
    // Lost again while catching up: the outage goes on from its first moment.
    if (this.state === 'up') this.downSince = at;
    this.state = 'down';
    for (const l of this.listeners) l.down(this.downSince ?? at);
  }

  markUp(at = this.clock.now()): void {
    if (this.state !== 'down' || this.downSince === null) return;
    this.state = 'catching-up';
    if (this.listeners.length === 0) {
      this.settled();
      return;
    }
    for (const l of this.listeners) l.back(this.downSince, at);
  }

  settled(): void {
    if (this.state !== 'catching-up') return;
    this.state = 'up';
    this.downSince = null;
  }
}
