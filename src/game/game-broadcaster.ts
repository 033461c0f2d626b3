import type { ServerEvent, ServerEvents } from '../protocol/index.js';

/**
 * How the runner talks to clients without knowing about sockets. The gateway
 * implements it with socket.io rooms: one room per game, per host, per player.
 */
export abstract class GameBroadcaster {
  /** One encode for the whole game: host and every player. */
  abstract toGame<E extends ServerEvent>(gameId: string, event: E, payload: ServerEvents[E]): void;
  abstract toHost<E extends ServerEvent>(gameId: string, event: E, payload: ServerEvents[E]): void;
  abstract toPlayer<E extends ServerEvent>(gameId: string, playerId: string, event: E, payload: ServerEvents[E]): void;
  /** Drops every connection of a player (after a kick). */
  abstract disconnectPlayer(gameId: string, playerId: string): void;

  /** Resolves once every message asked for this game so far has gone out (an adapter may pace big sends over several turns). */
  settled(_gameId: string): Promise<void> {
    return Promise.resolve();
  }
}
