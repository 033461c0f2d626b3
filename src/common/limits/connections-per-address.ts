import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from '../../config/app-config.js';
import { RequestLimits } from './request-limits.js';

/** What the counter needs of an engine.io connection: the handshake request, and its end. */
export interface TrackedConnection {
  request: IncomingMessage;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * Open socket connections per client address, on this instance. Each
 * connection has its own event budget, so without a cap one student opening
 * sockets by the thousand would multiply it (and the server's memory) at the
 * expense of every class. The default leaves room for several classes behind
 * one school address. Connections straight from this machine (local tools,
 * the benchmark) are not counted, as with the other limits per address.
 */
@Injectable()
export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    private readonly limits: RequestLimits,
  ) {}

  /** Why this handshake must be refused (its message names the code and the setting), or null. */
  problem(request: IncomingMessage): string | null {
    const who = this.limits.requester(request);
    if (who.local || (this.open.get(who.address) ?? 0) < this.config.MAX_CONNECTIONS_PER_ADDRESS) return null;
    return `Too many open connections from this address (TOO_MANY_CONNECTIONS): at most ${this.config.MAX_CONNECTIONS_PER_ADDRESS} (MAX_CONNECTIONS_PER_ADDRESS).`;
  }

  /** Counts an accepted connection until it closes. */
  track(connection: TrackedConnection): void {
    const who = this.limits.requester(connection.request);
    if (who.local) return;
    this.open.set(who.address, (this.open.get(who.address) ?? 0) + 1);
    connection.once('close', () => {
      const left = (this.open.get(who.address) ?? 1) - 1;
      if (left > 0) this.open.set(who.address, left);
      else this.open.delete(who.address);
    });
  }
}
