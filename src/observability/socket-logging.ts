import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { AppConfig } from '../config/app-config.js';
import { SocketIoBroadcaster } from '../game/socket-io.broadcaster.js';
import { AckWatch, type AckedEvent } from './ack-watch.js';

/**
 * Socket events in the structured log, each line carrying the socket's id
 * as its correlation id (`socketId`): connect, every acknowledged event with
 * its outcome and time, disconnect. At `debug` (LOG_LEVEL=debug), so a
 * classroom terminal stays quiet; refusals that mean trouble (TRY_AGAIN,
 * INTERNAL_ERROR) are logged at `warn`.
 */
@Injectable()
export class SocketLogging implements OnApplicationBootstrap {
  private readonly logger = new Logger('Socket');
  /** Every answer of a big class is an acked event: below debug, the line is not even built. */
  private readonly debug: boolean;

  constructor(
    private readonly sockets: SocketIoBroadcaster,
    private readonly acks: AckWatch,
    config: AppConfig,
  ) {
    this.debug = config.LOG_LEVEL === 'debug';
  }

  onApplicationBootstrap(): void {
    this.sockets.onConnection((socket) => this.follow(socket));
    this.acks.watch((acked) => this.logAck(acked));
  }

  private follow(socket: Socket): void {
    const socketId = socket.id;
    this.logger.debug({ socketId, address: socket.handshake.address, msg: 'connected' });
    socket.on('disconnect', (reason) => this.logger.debug({ socketId, reason, msg: 'disconnected' }));
  }

  private logAck({ socketId, event, reply, ms }: AckedEvent): void {
    const code = reply?.ok === false ? String(reply.error?.code).slice(0, 40) : undefined;
    if (!this.debug && code !== 'TRY_AGAIN' && code !== 'INTERNAL_ERROR') return;
    const line = { socketId, event: event.slice(0, 40), ok: reply?.ok === true, code, ms: Math.round(ms * 10) / 10, msg: 'event' };
    if (code === 'TRY_AGAIN' || code === 'INTERNAL_ERROR') this.logger.warn(line);
    else this.logger.debug(line);
  }
}
