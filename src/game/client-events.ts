import type { ClientEvent } from '../protocol/index.js';

/**
 * One entry per event of the protocol's `ClientEvents`: the compiler refuses
 * this object if an event is missing or unknown, so the list cannot drift
 * from the protocol (and `client-events.spec.ts` proves each has a handler).
 */
const CLIENT_EVENT_NAMES = {
  'player:join': true,
  'player:resume': true,
  'player:answer': true,
  'clock:sync': true,
  'host:attach': true,
  'host:start': true,
  'host:next': true,
  'host:skip': true,
  'host:pause': true,
  'host:resume': true,
  'host:kick': true,
  'host:kick-many': true,
  'host:lock': true,
  'host:end': true,
} as const satisfies Record<ClientEvent, true>;

/** Every event a client may send (docs/protocol.md); anything else is answered UNKNOWN_EVENT and counted as "other" in metrics. */
export const CLIENT_EVENTS: ReadonlySet<string> = new Set<ClientEvent>(Object.keys(CLIENT_EVENT_NAMES) as ClientEvent[]);
