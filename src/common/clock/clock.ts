/**
 * Time as a port: the game runner schedules deadlines through it, so tests
 * drive whole games with a manual clock instead of waiting.
 */
export type Cancel = () => void;

export abstract class Clock {
  abstract now(): number;
  /** Runs `fn` once at (or after) epoch time `at`. */
  abstract scheduleAt(at: number, fn: () => void): Cancel;
}

export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }

  scheduleAt(at: number, fn: () => void): Cancel {
    const timer = setTimeout(fn, Math.max(0, at - Date.now()));
    timer.unref();
    return () => clearTimeout(timer);
  }
}
