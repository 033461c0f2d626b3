import { GameBroadcaster } from '../../src/game/game-broadcaster.js';
import type { ServerEvent, ServerEvents } from '../../src/protocol/index.js';

export interface Sent {
  to: string;
  event: ServerEvent;
  payload: unknown;
}

/** Keeps every message the runner sends, in order, addressed as "game", "host" or a player id. */
export class RecordingBroadcaster extends GameBroadcaster {
  readonly sent: Sent[] = [];
  readonly disconnected: string[] = [];

  toGame<E extends ServerEvent>(_gameId: string, event: E, payload: ServerEvents[E]): void {
    this.sent.push({ to: 'game', event, payload: structuredClone(payload) });
  }

  toHost<E extends ServerEvent>(_gameId: string, event: E, payload: ServerEvents[E]): void {
    this.sent.push({ to: 'host', event, payload: structuredClone(payload) });
  }

  toPlayer<E extends ServerEvent>(_gameId: string, playerId: string, event: E, payload: ServerEvents[E]): void {
    this.sent.push({ to: playerId, event, payload: structuredClone(payload) });
  }

  disconnectPlayer(_gameId: string, playerId: string): void {
    this.disconnected.push(playerId);
  }

  events(to?: string): string[] {
    return this.sent.filter((s) => to === undefined || s.to === to).map((s) => s.event);
  }

  last<E extends ServerEvent>(event: E, to?: string): ServerEvents[E] {
    const found = this.sent.filter((s) => s.event === event && (to === undefined || s.to === to)).at(-1);
    if (!found) throw new Error(`no ${event} sent${to ? ` to ${to}` : ''}`);
    return found.payload as ServerEvents[E];
  }
}
