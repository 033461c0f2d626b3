import { CLIENT_EVENT_NAMES, type ClientEvent } from '../protocol/index.js';

/**
 * Every event a client may send (docs/protocol.md), straight from the
 * protocol's event map; anything else is answered UNKNOWN_EVENT and counted as
 * "other" in metrics. `client-events.spec.ts` proves each has a handler.
 */
export const CLIENT_EVENTS: ReadonlySet<string> = new Set<ClientEvent>(Object.keys(CLIENT_EVENT_NAMES) as ClientEvent[]);
