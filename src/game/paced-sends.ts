/**
 * How long sends may hold one turn of the event loop, across every game. A
 * room broadcast to 10,000 phones, or a reveal's 10,000 results, written in
 * one turn holds the loop for hundreds of milliseconds on a busy machine, and
 * while it is held socket.io cannot answer heartbeats or acks. Past this
 * budget, sends wait for the next turn. A time rather than a count: what a
 * write costs depends on the machine's load, and a quiet machine should not
 * pay for extra turns.
 */
export const SEND_BUDGET_MS = 40;
/** A room broadcast is cut into slices of this many sockets (one encode each), so the budget can stop it part way. */
export const ROOM_SLICE = 100;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface QueuedSend {
  gameId: string;
  send: () => void;
}

/**
 * Sends paced to SEND_BUDGET_MS of sending per turn, in the order they were
 * asked for: a send goes out at once while the turn has budget left and
 * nothing of its game is waiting, otherwise it queues behind what is. So each
 * socket still receives a game's messages in order (a reveal before the
 * result that follows it), and `settled` tells when a game's queue is empty.
 */
export class PacedSends {
  /** When sending started in this turn (null: not yet). */
  private turnStartedAt: number | null = null;
  private readonly queue: QueuedSend[] = [];
  private head = 0;
  private draining = false;
  private readonly waitingPerGame = new Map<string, number>();
  private readonly settledWaiters = new Map<string, Array<() => void>>();

  constructor(
    private readonly budgetMs = SEND_BUDGET_MS,
    /** A send that throws is reported and skipped: the ones queued behind it still go. */
    private readonly onError: (err: unknown) => void = () => undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  send(gameId: string, send: () => void): void {
    if (!this.waitingPerGame.has(gameId) && this.budgetLeft()) {
      this.run(send);
      return;
    }
    this.queue.push({ gameId, send });
    this.waitingPerGame.set(gameId, (this.waitingPerGame.get(gameId) ?? 0) + 1);
    void this.drain();
  }

  /** Resolves once every send asked for this game so far has gone out. */
  settled(gameId: string): Promise<void> {
    if (!this.waitingPerGame.has(gameId)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.settledWaiters.get(gameId);
      if (waiters) waiters.push(resolve);
      else this.settledWaiters.set(gameId, [resolve]);
    });
  }

  private budgetLeft(): boolean {
    return this.turnStartedAt === null || this.now() - this.turnStartedAt < this.budgetMs;
  }

  private run(send: () => void): void {
    if (this.turnStartedAt === null) {
      this.turnStartedAt = this.now();
      setImmediate(() => (this.turnStartedAt = null));
    }
    try {
      send();
    } catch (err) {
      this.onError(err);
    }
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.head < this.queue.length) {
        const next = this.queue[this.head];
        if (next === undefined) break;
        if (!this.budgetLeft()) {
          await nextTurn();
          continue;
        }
        this.head += 1;
        this.run(next.send);
        this.sent(next.gameId);
      }
    } finally {
      this.queue.length = 0;
      this.head = 0;
      this.draining = false;
    }
  }

  private sent(gameId: string): void {
    const left = (this.waitingPerGame.get(gameId) ?? 1) - 1;
    if (left > 0) return void this.waitingPerGame.set(gameId, left);
    this.waitingPerGame.delete(gameId);
    for (const resolve of this.settledWaiters.get(gameId) ?? []) resolve();
    this.settledWaiters.delete(gameId);
  }
}
