import type { Logger } from '@nestjs/common';

/** The same fault is logged with its stack at most once per this period; repeats in between are counted. */
const STACK_INTERVAL_MS = 60_000;
const MAX_TRACKED = 200;

/**
 * Logs unexpected faults without letting a client that repeats one fill the
 * disk: the first occurrence of a message gets its stack, repeats within a
 * minute only bump a counter, and the next log line says how many there were.
 */
export class FaultLog {
  private readonly seen = new Map<string, { at: number; repeats: number }>();

  constructor(private readonly logger: Pick<Logger, 'error'>) {}

  report(context: string, fault: unknown, now = Date.now()): void {
    const error = fault instanceof Error ? fault : new Error(String(fault));
    const key = `${context}|${error.name}: ${error.message}`.slice(0, 300);
    const last = this.seen.get(key);
    if (last && now - last.at < STACK_INTERVAL_MS) {
      last.repeats += 1;
      return;
    }
    const repeats = last?.repeats ? ` (and ${last.repeats} more like it in the last minute)` : '';
    this.seen.delete(key);
    this.seen.set(key, { at: now, repeats: 0 });
    if (this.seen.size > MAX_TRACKED) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.logger.error(`${context}: ${error.stack ?? `${error.name}: ${error.message}`}${repeats}`);
  }
}
