import type { INestApplication } from '@nestjs/common';
import { SocketIoBroadcaster } from '../game/socket-io.broadcaster.js';
import { DrainState } from './drain-state.js';

/** How soon pages may try to reconnect after `server:restarting` (a supervisor restarts the server in about that time). */
export const RESTART_RETRY_MS = 2000;

/**
 * A graceful stop (SIGTERM from a supervisor or `docker stop`, Ctrl-C):
 * readiness turns 503, every socket on this instance hears
 * `server:restarting`, then Nest's shutdown hooks close the sockets and the
 * HTTP server and the stores finish their writes (the embedded journal syncs
 * its last lines). If that takes longer than `timeoutMs` the process exits
 * anyway: acknowledged changes are already on disk.
 */
export function drainOnSignals(app: INestApplication, timeoutMs: number): void {
  const begin = (signal: NodeJS.Signals) => {
    app.get(DrainState).begin();
    app.get(SocketIoBroadcaster).toEveryoneHere('server:restarting', { reason: 'shutdown', retryAfterMs: RESTART_RETRY_MS });
    setTimeout(() => {
      console.error(`aulaquiz did not stop within ${timeoutMs} ms of ${signal}; exiting now.`);
      process.exit(1);
    }, timeoutMs).unref();
  };
  // Nest's own listeners (enableShutdownHooks) start the shutdown; these run in the same tick, before any hook.
  process.once('SIGTERM', () => begin('SIGTERM'));
  process.once('SIGINT', () => begin('SIGINT'));
}
