import { useEffect, useRef, useState } from 'preact/hooks';
import type { GameSocket } from './connection.js';
import type { Ack, ResultOf } from './types.js';

/**
 * The server's clock as seen from this browser. Every countdown is derived
 * from the server's `deadlineAt` and this offset, so the projector and every
 * phone show the same second whatever their own clocks say and however late
 * a frame arrived.
 *
 * The offset is measured NTP-style with `clock:sync` (server time against the
 * midpoint of the round trip) a few times on each connection and again every
 * minute; the sample with the shortest round trip wins, because its midpoint
 * is the least uncertain.
 */
const SAMPLES_PER_SYNC = 4;
const RESYNC_MS = 60_000;
const SAMPLE_TIMEOUT_MS = 3000;
/** Samples older than this are dropped: clocks drift, networks change. */
const SAMPLE_MAX_AGE_MS = 5 * 60_000;

interface Sample {
  offsetMs: number;
  roundTripMs: number;
  at: number;
}

let samples: Sample[] = [];
let offsetMs = 0;
const listeners = new Set<() => void>();

/** Server time now, in epoch milliseconds. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

export function clockOffsetMs(): number {
  return offsetMs;
}

/** Pure: the offset from the best (shortest round trip) of the samples. */
export function bestOffset(list: Array<Pick<Sample, 'offsetMs' | 'roundTripMs'>>): number | null {
  if (list.length === 0) return null;
  return list.reduce((best, s) => (s.roundTripMs < best.roundTripMs ? s : best)).offsetMs;
}

function addSample(sample: Sample): void {
  samples = [...samples.filter((s) => sample.at - s.at < SAMPLE_MAX_AGE_MS), sample];
  offsetMs = bestOffset(samples) ?? offsetMs;
  for (const listener of listeners) listener();
}

async function measure(socket: GameSocket): Promise<void> {
  for (let i = 0; i < SAMPLES_PER_SYNC && socket.connected; i++) {
    const sentAt = Date.now();
    try {
      // socket.io's types lose the ack's type through `timeout()`: it is the protocol's.
      const reply = (await socket.timeout(SAMPLE_TIMEOUT_MS).emitWithAck('clock:sync')) as Ack<ResultOf<'clock:sync'>>;
      const receivedAt = Date.now();
      if (reply.ok) addSample({ offsetMs: reply.data.serverNow - (sentAt + receivedAt) / 2, roundTripMs: receivedAt - sentAt, at: receivedAt });
    } catch {
      return; // the connection dropped: the next "connect" measures again
    }
  }
}

/** Keeps the offset measured for as long as the socket lives: on every connection, then every minute. */
export function syncClock(socket: GameSocket): () => void {
  const run = () => void measure(socket);
  socket.on('connect', run);
  if (socket.connected) run();
  const timer = setInterval(run, RESYNC_MS);
  return () => {
    socket.off('connect', run);
    clearInterval(timer);
  };
}

/** Server time, re-rendered every `everyMs` (and whenever the offset is re-measured). */
export function useServerNow(everyMs: number, running: boolean): number {
  const [now, setNow] = useState(serverNow());
  useEffect(() => {
    const tick = () => setNow(serverNow());
    listeners.add(tick);
    const timer = running ? setInterval(tick, everyMs) : undefined;
    tick();
    return () => {
      listeners.delete(tick);
      if (timer) clearInterval(timer);
    };
  }, [everyMs, running]);
  return now;
}

/**
 * Whole seconds left until a server deadline, never counting up while the
 * same deadline stands: a re-measured offset may move the estimate by a few
 * milliseconds, but a class must never see 14 → 15.
 */
export function useSecondsLeft(deadlineAt: number, frozenMs: number | null): number {
  const now = useServerNow(200, frozenMs === null);
  const lowest = useRef<{ deadlineAt: number; seconds: number } | null>(null);
  const raw = Math.ceil(Math.max(0, frozenMs ?? deadlineAt - now) / 1000);
  if (frozenMs !== null) {
    lowest.current = null;
    return raw;
  }
  if (lowest.current?.deadlineAt !== deadlineAt || raw < lowest.current.seconds) lowest.current = { deadlineAt, seconds: raw };
  return lowest.current.seconds;
}
