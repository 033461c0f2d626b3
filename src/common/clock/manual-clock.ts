import { Clock, type Cancel } from './clock.js';

interface Scheduled {
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock that moves only when told to; due callbacks run in time order. */
export class ManualClock extends Clock {
  private current: number;
  private seq = 0;
  private pending: Scheduled[] = [];

  constructor(start = 1_700_000_000_000) {
    super();
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  scheduleAt(at: number, fn: () => void): Cancel {
    const entry = { at, seq: this.seq++, fn };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((e) => e !== entry);
    };
  }

  /** Moves time forward by `ms`, firing every callback that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const next = this.pending
        .filter((e) => e.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)
        .at(0);
      if (!next) break;
      this.pending = this.pending.filter((e) => e !== next);
      this.current = Math.max(this.current, next.at);
      next.fn();
    }
    this.current = target;
  }
}
