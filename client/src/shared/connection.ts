import { io, type Socket } from 'socket.io-client';
import { useEffect, useState } from 'preact/hooks';
import { watchServerNotices } from './server-notices.js';
import type { Ack, ClientEmitters, ClientEvent, PayloadArgs, ResultOf, ServerEvents, ServerListeners } from './types.js';

/** A socket typed by the protocol: what the server may send, and what each client event carries and answers. */
export type GameSocket = Socket<ServerListeners, ClientEmitters>;

const ACK_TIMEOUT_MS = 8000;

/**
 * One socket.io connection to the server the page came from, websocket
 * first. socket.io reconnects by itself after a drop (a locked phone, a Wi-Fi
 * hiccup); pages re-identify on every "connect" (player:resume / host:attach).
 */
export function connect(): GameSocket {
  const socket: GameSocket = io({ transports: ['websocket', 'polling'], reconnectionDelay: 500, reconnectionDelayMax: 3000 });
  watchServerNotices(socket);
  return socket;
}

/** What a call resolves to: the event's ack, or the client's own NETWORK refusal when the server did not answer. */
export type CallResult<T> = Ack<T> | { ok: false; error: { code: 'NETWORK'; message: string } };

const NETWORK = { ok: false, error: { code: 'NETWORK', message: 'no answer from the server' } } as const;

/**
 * Sends an event and waits for its ack; a lost connection becomes the NETWORK
 * error. Nothing is sent while disconnected: socket.io would buffer it and
 * deliver it on reconnection, before the page has resumed its player or host,
 * where it could only be refused.
 */
export async function call<E extends ClientEvent>(socket: GameSocket, event: E, ...payload: PayloadArgs<E>): Promise<CallResult<ResultOf<E>>> {
  if (!socket.connected) return NETWORK;
  try {
    // The signature above is the typed contract; socket.io's own generics cannot follow a generic event through `timeout()`.
    const untyped = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<Ack<ResultOf<E>>> };
    return await untyped.emitWithAck(event, ...payload);
  } catch {
    return NETWORK;
  }
}

/** Whether the socket is connected right now, as component state. */
export function useConnected(socket: GameSocket): boolean {
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
export function subscribe(socket: GameSocket, handlers: Handlers): () => void {
  // Each handler was typed by its event in `Handlers`; socket.io cannot relate a key and its value through Object.entries.
  const untyped = socket as unknown as Socket;
  const entries = Object.entries(handlers) as Array<[string, (payload: unknown) => void]>;
  for (const [event, handler] of entries) untyped.on(event, handler);
  return () => {
    for (const [event, handler] of entries) untyped.off(event, handler);
  };
}
