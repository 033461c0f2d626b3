interface Batch<I, R> {
  items: I[];
  settle: Array<{ resolve: (result: R) => void; reject: (reason: unknown) => void }>;
}

/**
 * Collects the items submitted under one key during one event-loop turn and
 * hands them to `flush` together (answers to one question arriving from many
 * sockets in the same turn: one round trip instead of one each). Each
 * submitter still gets its own result, and only once the batch is done: an
 * answer is acknowledged when it is stored, never before.
 */
export class TurnBatcher<I, R> {
  private readonly open = new Map<string, Batch<I, R>>();

  /** `flush` returns one result per item, in the items' order. */
  constructor(private readonly flush: (key: string, items: I[]) => Promise<R[]>) {}

  submit(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let batch = this.open.get(key);
      if (!batch) {
        const fresh: Batch<I, R> = { items: [], settle: [] };
        this.open.set(key, fresh);
        // After the I/O callbacks of this turn: everything that arrived in it joins the batch.
        setImmediate(() => void this.run(key, fresh));
        batch = fresh;
      }
      batch.items.push(item);
      batch.settle.push({ resolve, reject });
    });
  }

  private async run(key: string, batch: Batch<I, R>): Promise<void> {
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
