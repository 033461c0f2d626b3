import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Socket } from 'socket.io';
import { GameRunner } from '../game/game-runner.js';
import { CLIENT_EVENTS } from '../game/client-events.js';
import { SocketIoBroadcaster } from '../game/socket-io.broadcaster.js';
import { HistoryOutbox } from '../history/history-outbox.js';
import { StoreAvailability } from '../redis/store-availability.js';

/**
 * Prometheus metrics in a registry of this app's own (several apps in one
 * test process never collide): sockets, players per live game, answers,
 * ack latency per event, refusals by code, event-loop lag (the default
 * Node metrics), store availability and the history backlog.
 */
@Injectable()
export class MetricsService implements OnApplicationBootstrap {
  readonly registry = new Registry();
  private readonly ackSeconds = new Histogram({
    name: 'aulaquiz_ack_seconds',
    help: 'Time from a client event arriving to its ack being sent.',
    labelNames: ['event'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly answers = new Counter({ name: 'aulaquiz_answers_total', help: 'Answers acknowledged.', registers: [this.registry] });
  private readonly refusals = new Counter({
    name: 'aulaquiz_refusals_total',
    help: 'Events answered with an error, by code (TRY_AGAIN counts store trouble).',
    labelNames: ['code'],
    registers: [this.registry],
  });
  private readonly outages = new Counter({
    name: 'aulaquiz_store_outages_total',
    help: 'Times the store (Redis) became unreachable.',
    registers: [this.registry],
  });

  constructor(
    private readonly sockets: SocketIoBroadcaster,
    runner: GameRunner,
    outbox: HistoryOutbox,
    availability: StoreAvailability,
  ) {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    new Gauge({
      name: 'aulaquiz_connected_sockets',
      help: 'Sockets connected to this instance.',
      registers: [this.registry],
      collect: function () {
        this.set(sockets.localSocketCount());
      },
    });
    new Gauge({
      name: 'aulaquiz_game_players',
      help: 'Players (not removed) per live game this instance knows.',
      labelNames: ['game'],
      registers: [this.registry],
      collect: function () {
        this.reset();
        for (const game of runner.cachedGames()) {
          if (game.phase !== 'ended') this.set({ game: game.id }, Object.values(game.players).filter((p) => !p.kicked).length);
        }
      },
    });
    new Gauge({
      name: 'aulaquiz_history_backlog',
      help: 'Finished games waiting to be stored in history.',
      registers: [this.registry],
      collect: function () {
        this.set(outbox.backlog().count);
      },
    });
    new Gauge({
      name: 'aulaquiz_store_up',
      help: '1 while the store answers (always 1 in embedded mode), 0 during an outage.',
      registers: [this.registry],
      collect: function () {
        this.set(availability.blocking ? 0 : 1);
      },
    });
    availability.subscribe({ down: () => this.outages.inc(), back: () => undefined });
  }

  onApplicationBootstrap(): void {
    this.sockets.onConnection((socket) => this.measure(socket));
  }

  /** Times every acknowledged event of the socket, and counts answers and refusals from what the ack says. */
  private measure(socket: Socket): void {
    socket.use((packet, next) => {
      const ack: unknown = packet[packet.length - 1];
      if (typeof ack === 'function') {
        const event = typeof packet[0] === 'string' && CLIENT_EVENTS.has(packet[0]) ? packet[0] : 'other';
        const stop = this.ackSeconds.startTimer({ event });
        packet[packet.length - 1] = (reply: { ok?: boolean; error?: { code?: unknown } } | undefined, ...rest: unknown[]) => {
          stop();
          if (reply?.ok === true && event === 'player:answer') this.answers.inc();
          if (reply?.ok === false && typeof reply.error?.code === 'string') this.refusals.inc({ code: reply.error.code.slice(0, 40) });
          (ack as (...args: unknown[]) => void)(reply, ...rest);
        };
      }
      next();
    });
  }
}
