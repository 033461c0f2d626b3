/** What the runner hears from the coordinator. */
export interface CoordinationListener {
  /** Another instance changed this game: cached state is stale. */
  changedElsewhere(gameId: string): void;
  /** This instance now drives the game's timers (it created the game, or took over from one that died). */
  adopted(gameId: string): void;
  /** This instance no longer drives the game's timers. */
  released(gameId: string): void;
}

/**
 * Exactly one instance drives each game's timers; every instance learns when
 * a game changes elsewhere. In one process (the embedded default) that is
 * always this process; with Redis, a renewed lease per game decides.
 */
export abstract class GameCoordinator {
  abstract start(listener: CoordinationListener): void;
  /** Hands this instance's games over (another instance may drive them at once); it drives nothing afterwards. */
  abstract stop(): Promise<void>;
  /** Whether this instance schedules the game's timers now. */
  abstract drives(gameId: string): boolean;
  /** A game this instance just created: try to drive it. */
  abstract created(gameId: string): void;
  /** This instance committed a change to the game. */
  abstract changed(gameId: string): void;
}

/** The embedded default: one process drives every game, and there is no other instance to tell about changes. */
export class LocalCoordinator extends GameCoordinator {
  private stopped = false;

  start(): void {}

  stop(): Promise<void> {
    // At shutdown no new timer may be scheduled, here as with leases.
    this.stopped = true;
    return Promise.resolve();
  }

  drives(): boolean {
    return !this.stopped;
  }

  created(): void {}
  changed(): void {}
}
