interface Batch<I, R> {
  items: I[];
  settle: Array<{ resolve: (result: R) => void; reject: (reason: unknown) => void }>;
  /** `performance.now()` when its first item came. */
  openedAt: number;
}

/** How long a batch may collect items before the next submit flushes it, in ms (see TurnBatcher). */
export const MAX_BATCH_WAIT_MS = 2;

/**
 * Collects the items submitted under one key during one event-loop turn and
 * hands them to `flush` together (answers to one question arriving from many
 * sockets in the same turn: one round trip instead of one each). Each
 * submitter still gets its own result, and only once the batch is done: an
 * answer is acknowledged when it is stored, never before.
 *
 * A batch normally goes at the end of the turn (`setImmediate`). That alone is
 * not a bound: while thousands of sockets stay readable, libuv's poll phase
 * keeps handling their data (it polls again, up to 48 times, whenever a poll
 * fills its 1,024 events) and the check phase, so the batch, waits for the
 * whole burst: at 5,000 answers in a second every answer of the burst was
 * stored, and acknowledged, only after the last one arrived. So a submit also
 * flushes the open batch once it is `maxWaitMs` old (and at `maxItems`),
 * without waiting for the turn to end.
 */
export class TurnBatcher<I, R> {
  private readonly open = new Map<string, Batch<I, R>>();

  /** `flush` returns one result per item, in the items' order. */
  constructor(
    private readonly flush: (key: string, items: I[]) => Promise<R[]>,
    private readonly maxWaitMs = MAX_BATCH_WAIT_MS,
    private readonly maxItems = 500,
  ) {}

  submit(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let batch = this.open.get(key);
      if (!batch) {
        const fresh: Batch<I, R> = { items: [], settle: [], openedAt: performance.now() };
        this.open.set(key, fresh);
        // After the I/O callbacks of this turn: everything that arrived in it joins the batch.
        setImmediate(() => void this.run(key, fresh));
        batch = fresh;
      }
      batch.items.push(item);
      batch.settle.push({ resolve, reject });
      if (batch.items.length >= this.maxItems || performance.now() - batch.openedAt >= this.maxWaitMs) void this.run(key, batch);
    });
  }

  private async run(key: string, batch: Batch<I, R>): Promise<void> {
    // Flushed already (by a submit, before its turn ended): its setImmediate finds nothing left to do.
    if (this.open.get(key) !== batch) return;
    this.open.delete(key);
    try {
      const results = await this.flush(key, batch.items);
      batch.settle.forEach((s, i) => {
        const result = results[i];
        if (result === undefined) s.reject(new Error(`batch ${key}: no result for item ${String(i)}`));
        else s.resolve(result);
      });
    } catch (err) {
      for (const s of batch.settle) s.reject(err);
    }
  }
}
