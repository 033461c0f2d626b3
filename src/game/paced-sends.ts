/**
 * Socket writes per turn of the event loop, across every game. A room
 * broadcast to 10,000 phones, or a reveal's 10,000 results, written in one
 * turn holds the loop for hundreds of milliseconds on a busy machine, and
 * while it is held socket.io cannot answer heartbeats or acks. Past this
 * budget, sends wait for the next turn.
 */
export const WRITES_PER_TURN = 250;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface QueuedSend {
  gameId: string;
  /** How many sockets it writes to. */
  writes: number;
  send: () => void;
}

/**
 * Sends paced to WRITES_PER_TURN socket writes per turn, in the order they
 * were asked for: a send goes out at once while the turn has budget left and
 * nothing of its game is waiting, otherwise it queues behind what is. So each
 * socket still receives a game's messages in order (a reveal before the
 * result that follows it), and `settled` tells when a game's queue is empty.
 */
export class PacedSends {
  private writesThisTurn = 0;
  private turnResetScheduled = false;
  private readonly queue: QueuedSend[] = [];
  private head = 0;
  private draining = false;
  private readonly waitingPerGame = new Map<string, number>();
  private readonly settledWaiters = new Map<string, Array<() => void>>();

  constructor(
    private readonly writesPerTurn = WRITES_PER_TURN,
    /** A send that throws is reported and skipped: the ones queued behind it still go. */
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  send(gameId: string, writes: number, send: () => void): void {
    if (!this.waitingPerGame.has(gameId) && this.writesThisTurn + writes <= this.writesPerTurn) {
      this.spend(writes);
      this.run(send);
      return;
    }
    this.queue.push({ gameId, writes, send });
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

  private spend(writes: number): void {
    this.writesThisTurn += writes;
    if (this.turnResetScheduled) return;
    this.turnResetScheduled = true;
    setImmediate(() => {
      this.turnResetScheduled = false;
      this.writesThisTurn = 0;
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.head < this.queue.length) {
        const next = this.queue[this.head];
        if (next === undefined) break;
        // A send bigger than a whole turn's budget still goes, alone in its turn.
        if (this.writesThisTurn > 0 && this.writesThisTurn + next.writes > this.writesPerTurn) {
          await nextTurn();
          continue;
        }
        this.head += 1;
        this.spend(next.writes);
        this.run(next.send);
        this.sent(next.gameId);
      }
    } finally {
      this.queue.length = 0;
      this.head = 0;
      this.draining = false;
    }
  }

  private run(send: () => void): void {
    try {
      send();
    } catch (err) {
      this.onError(err);
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
