import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { GameRunner } from '../game/game-runner.js';
import { CLIENT_EVENTS } from '../game/client-events.js';
import { SocketIoBroadcaster } from '../game/socket-io.broadcaster.js';
import { HistoryOutbox } from '../history/history-outbox.js';
import { StoreAvailability } from '../redis/store-availability.js';
import { AckWatch, type AckedEvent } from './ack-watch.js';

/**
 * Prometheus metrics in a registry of this app's own (several apps in one
 * test process never collide): sockets, players per live game, answers,
 * ack latency per event, refusals by code, event-loop lag (the default
 * Node metrics), store availability and the history backlog.
 */
@Injectable()
export class MetricsService {
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

  constructor(sockets: SocketIoBroadcaster, acks: AckWatch, runner: GameRunner, outbox: HistoryOutbox, availability: StoreAvailability) {
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
    acks.watch((acked) => this.measure(acked));
  }

  /** Times every acknowledged event of every socket, and counts answers and refusals from what the ack says. */
  private measure({ event, reply, ms }: AckedEvent): void {
    const known = CLIENT_EVENTS.has(event) ? event : 'other';
    this.ackSeconds.observe({ event: known }, ms / 1000);
    if (reply?.ok === true && known === 'player:answer') this.answers.inc();
    if (reply?.ok === false && typeof reply.error?.code === 'string') this.refusals.inc({ code: reply.error.code.slice(0, 40) });
  }
}
