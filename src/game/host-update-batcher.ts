import type { Cancel, Clock } from '../common/clock/clock.js';

/**
 * Joins and answers arrive by the thousand; the host screen only needs a
 * fresh count a few times a second. Marks are coalesced into one flush per
 * game per interval, so each join or answer costs O(1) messages.
 */
export class HostUpdateBatcher<K extends string> {
  private readonly pending = new Map<string, { kinds: Set<K>; cancel: Cancel }>();

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly flush: (gameId: string, kinds: Set<K>) => void,
  ) {}

  mark(gameId: string, kind: K): void {
    const entry = this.pending.get(gameId);
    if (entry) {
      entry.kinds.add(kind);
      return;
    }
    const cancel = this.clock.scheduleAt(this.clock.now() + this.intervalMs, () => this.flushNow(gameId));
    this.pending.set(gameId, { kinds: new Set([kind]), cancel });
  }

  flushNow(gameId: string): void {
    const entry = this.pending.get(gameId);
    if (!entry) return;
    entry.cancel();
    this.pending.delete(gameId);
    this.flush(gameId, entry.kinds);
  }

  drop(gameId: string): void {
    this.pending.get(gameId)?.cancel();
    this.pending.delete(gameId);
  }

  dropAll(): void {
    for (const id of [...this.pending.keys()]) this.drop(id);
  }
}
