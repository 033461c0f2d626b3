import { Injectable } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import { GameBroadcaster } from './game-broadcaster.js';
import type { ServerEvent, ServerEvents } from '../protocol/index.js';

export const rooms = {
  game: (gameId: string) => `game:${gameId}`,
  host: (gameId: string) => `host:${gameId}`,
  player: (gameId: string, playerId: string) => `player:${gameId}:${playerId}`,
};

/** The runner's outbound port over socket.io rooms. The gateway hands it the server once it exists. */
@Injectable()
export class SocketIoBroadcaster extends GameBroadcaster {
  private server: Server | null = null;
  private readonly connectionListeners: Array<(socket: Socket) => void> = [];

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
    this.server?.to(rooms.game(gameId)).emit(event, payload);
  }

  toHost<E extends ServerEvent>(gameId: string, event: E, payload: ServerEvents[E]): void {
    this.server?.to(rooms.host(gameId)).emit(event, payload);
  }

  toPlayer<E extends ServerEvent>(gameId: string, playerId: string, event: E, payload: ServerEvents[E]): void {
    this.server?.to(rooms.player(gameId, playerId)).emit(event, payload);
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
    this.server?.in(rooms.player(gameId, playerId)).disconnectSockets(false);
  }
}
