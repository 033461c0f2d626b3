import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { SocketIoBroadcaster } from '../game/socket-io.broadcaster.js';

/** What an ack said: `{ok: true, data}` or `{ok: false, error: {code, message}}` (docs/protocol.md). */
export type AckReply = { ok?: boolean; error?: { code?: unknown } } | undefined;

/** An acknowledged socket event as the watchers see it once its ack is sent. */
export interface AckedEvent {
  socketId: string;
  /** The event's name as the client sent it (not checked against the known events), or 'other'. */
  event: string;
  reply: AckReply;
  ms: number;
}

/**
 * Everything that watches acks (metrics, the event log) is called from one
 * wrapper around each acknowledged event's ack: one middleware and one
 * closure per event, however many watchers, on the path every answer takes.
 */
@Injectable()
export class AckWatch implements OnApplicationBootstrap {
  private readonly watchers: Array<(acked: AckedEvent) => void> = [];

  constructor(private readonly sockets: SocketIoBroadcaster) {}

  /** `watcher` hears of every ack sent from now on, timed up to the moment it was sent. */
  watch(watcher: (acked: AckedEvent) => void): void {
    this.watchers.push(watcher);
  }

  onApplicationBootstrap(): void {
    this.sockets.onConnection((socket) => this.follow(socket));
  }

  private follow(socket: Socket): void {
    const socketId = socket.id;
    const watchers = this.watchers;
    socket.use((packet, next) => {
      const ack: unknown = packet[packet.length - 1];
      if (typeof ack === 'function') {
        const event = typeof packet[0] === 'string' ? packet[0] : 'other';
        const started = performance.now();
        packet[packet.length - 1] = (reply: AckReply, ...rest: unknown[]) => {
          const acked = { socketId, event, reply, ms: performance.now() - started };
          (ack as (...args: unknown[]) => void)(reply, ...rest);
          for (const watcher of watchers) watcher(acked);
        };
      }
      next();
    });
  }
}
