/**
 * Runs one socket's session changes (join, resume, attach, its disconnect) one after another. Each of them
 * releases the session the socket holds, awaits the game, then binds the new one: two at once would both find
 * nothing to release and both bind, leaving the first player connected on a socket that now speaks for
 * another (never released, so never counted as gone); a disconnect during a join would release nothing and
 * the join would then bind a socket that is already closed.
 */
export class SessionQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `change` once every change queued before it has settled; its own result or failure is the caller's. */
  run<T>(change: () => Promise<T>): Promise<T> {
    const result = this.tail.then(change);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
