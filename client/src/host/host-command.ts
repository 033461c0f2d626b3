import type { HostCommandEvent, PayloadArgs } from '../shared/types.js';

/** Sends a host command (its payload typed by the protocol); the page shows the snapshot it answers with, or the refusal. */
export type HostCommand = <E extends HostCommandEvent>(event: E, ...payload: PayloadArgs<E>) => Promise<void>;
