import { io, type Socket } from 'socket.io-client';
import { useEffect, useState } from 'preact/hooks';
import { watchServerNotices } from './server-notices.js';
import type { Ack, ServerEvents } from './types.js';

const ACK_TIMEOUT_MS = 8000;

/**
 * One socket.io connection to the server the page came from, websocket
 * first. socket.io reconnects by itself after a drop (a locked phone, a Wi-Fi
 * hiccup); pages re-identify on every "connect" (player:resume / host:attach).
 */
export function connect(): Socket {
  const socket = io({ transports: ['websocket', 'polling'], reconnectionDelay: 500, reconnectionDelayMax: 3000 });
  watchServerNotices(socket);
  return socket;
}

const NETWORK = { ok: false, error: { code: 'NETWORK' as never, message: 'no answer from the server' } } as const;

/**
 * Sends an event and waits for its ack; a lost connection becomes the NETWORK
 * error. Nothing is sent while disconnected: socket.io would buffer it and
 * deliver it on reconnection, before the page has resumed its player or host,
 * where it could only be refused.
 */
export async function call<T>(socket: Socket, event: string, payload?: unknown): Promise<Ack<T>> {
  if (!socket.connected) return NETWORK;
  try {
    const args = payload === undefined ? [] : [payload];
    return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...args)) as Ack<T>;
  } catch {
    return NETWORK;
  }
}

/** Whether the socket is connected right now, as component state. */
export function useConnected(socket: Socket): boolean {
  const [connected, setConnected] = useState(socket.connected);
  useEffect(() => {
    const on = () => setConnected(true);
    const off = () => setConnected(false);
    socket.on('connect', on);
    socket.on('disconnect', off);
    return () => {
      socket.off('connect', on);
      socket.off('disconnect', off);
    };
  }, [socket]);
  return connected;
}

export type Handlers = { [E in keyof ServerEvents]?: (payload: ServerEvents[E]) => void };

/** Listens to server events; the returned function stops listening (for effect cleanups). */
export function subscribe(socket: Socket, handlers: Handlers): () => void {
  const entries = Object.entries(handlers) as Array<[string, (payload: unknown) => void]>;
  for (const [event, handler] of entries) socket.on(event, handler);
  return () => {
    for (const [event, handler] of entries) socket.off(event, handler);
  };
}
