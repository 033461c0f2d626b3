import { Injectable, Logger } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import { AppConfig } from '../config/app-config.js';
import { GameBroadcaster } from './game-broadcaster.js';
import { PacedSends, ROOM_SLICE, SEND_BUDGET_MS } from './paced-sends.js';
import type { ServerEvent, ServerEvents } from '../protocol/index.js';

export const rooms = {
  game: (gameId: string) => `game:${gameId}`,
  host: (gameId: string) => `host:${gameId}`,
  player: (gameId: string, playerId: string) => `player:${gameId}:${playerId}`,
};

/**
 * Broadcasts that go to the whole room in one piece, not in slices: those that
 * start a question's clock. Response times (and so points) count from the
 * server's opening time, and a phone in the last slice would see the question
 * later than the first, with less time to answer; slicing them also let the
 * first phones' answers be read between slices, which made the opening reach
 * the class more slowly.
 */
const IN_ONE_PIECE = new Set<ServerEvent>(['question:open', 'game:resumed']);

/**
 * The runner's outbound port over socket.io rooms. The gateway hands it the server once it exists.
 *
 * A game's sends are paced (`PacedSends`): at most SEND_BUDGET_MS of sending
 * per turn of the event loop, in order. Without Redis every room is in this
 * process, so a broadcast to a big room goes out as slices of its sockets
 * (each slice one encode, `to(socketIds)`) that the budget can spread over
 * turns, except the ones that start the clock; with Redis a room spans
 * instances and a broadcast stays one adapter call.
 */
@Injectable()
export class SocketIoBroadcaster extends GameBroadcaster {
  private readonly logger = new Logger(SocketIoBroadcaster.name);
  private server: Server | null = null;
  private readonly connectionListeners: Array<(socket: Socket) => void> = [];
  private readonly paced = new PacedSends(SEND_BUDGET_MS, (err) => this.logger.error(`A send failed: ${String(err)}`));
  /** Every room's sockets are in this process (the in-memory adapter): a room can be sent to in slices. */
  private readonly roomsAreLocal: boolean;

  constructor(config: AppConfig) {
    super();
    this.roomsAreLocal = !config.REDIS_URL;
  }

  attach(server: Server): void {
    this.server = server;
    for (const listener of this.connectionListeners) server.on('connection', listener);
  }

  /** Runs `listener` for every new socket (metrics measure acks this way). */
  onConnection(listener: (socket: Socket) => void): void {
    this.connectionListeners.push(listener);
    this.server?.on('connection', listener);
  }

  localSocketCount(): number {
    return this.server?.of('/').sockets.size ?? 0;
  }

  toGame<E extends ServerEvent>(gameId: string, event: E, payload: ServerEvents[E]): void {
    const server = this.server;
    if (!server) return;
    const room = rooms.game(gameId);
    if (!this.roomsAreLocal || IN_ONE_PIECE.has(event)) {
      this.paced.send(gameId, () => server.to(room).emit(event, payload));
      return;
    }
    // Who is in the room now: a socket that joins while the slices go out did not see this change either.
    const members = [...(server.of('/').adapter.rooms.get(room) ?? [])];
    if (members.length <= ROOM_SLICE) {
      this.paced.send(gameId, () => server.to(room).emit(event, payload));
      return;
    }
    for (let start = 0; start < members.length; start += ROOM_SLICE) {
      const slice = members.slice(start, start + ROOM_SLICE);
      this.paced.send(gameId, () => server.to(slice).emit(event, payload));
    }
  }

  toHost<E extends ServerEvent>(gameId: string, event: E, payload: ServerEvents[E]): void {
    this.paced.send(gameId, () => this.server?.to(rooms.host(gameId)).emit(event, payload));
  }

  /**
   * A player has one socket (a newer one replaces the others, on any instance): when it is here, the
   * message goes straight to it instead of through the adapter, which with Redis is one stream write per
   * player that every instance then reads (5,000 per reveal at 5,000 players).
   */
  toPlayer<E extends ServerEvent>(gameId: string, playerId: string, event: E, payload: ServerEvents[E]): void {
    this.paced.send(gameId, () => {
      const server = this.server;
      if (!server) return;
      const room = rooms.player(gameId, playerId);
      const nsp = server.of('/');
      const here = nsp.adapter.rooms.get(room);
      if (here) {
        // Emitted on the socket itself: a reveal's 10,000 results are 10,000 emits, and going through a
        // broadcast operator and the adapter for each (a room set, flags, the adapter's walk of its rooms)
        // cost more than the emit. The packet and its encoding are the same.
        for (const socketId of here) nsp.sockets.get(socketId)?.emit(event, payload);
        return;
      }
      // Not on this instance: with Redis the adapter reaches the instance that has the socket.
      if (!this.roomsAreLocal) server.to(room).emit(event, payload);
    });
  }

  override settled(gameId: string): Promise<void> {
    return this.paced.settled(gameId);
  }

  /** The game's sockets on this instance only: works while the adapter cannot reach Redis. */
  toGameHere<E extends ServerEvent>(gameId: string, event: E, payload: ServerEvents[E]): void {
    this.server?.local.to(rooms.game(gameId)).emit(event, payload);
  }

  /** Every socket connected to this instance (not the others'): the server is about to stop. */
  toEveryoneHere<E extends ServerEvent>(event: E, payload: ServerEvents[E]): void {
    this.server?.local.emit(event, payload);
  }

  disconnectPlayer(gameId: string, playerId: string): void {
    // No forced close: the disconnect packet queues behind player:kicked, so the phone sees why.
    this.paced.send(gameId, () => this.server?.in(rooms.player(gameId, playerId)).disconnectSockets(false));
  }
}
