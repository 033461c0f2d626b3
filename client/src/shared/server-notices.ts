import type { GameSocket } from './connection.js';
import { useEffect, useState } from 'preact/hooks';

/** What the server said about itself, as opposed to the game: shown as banners on every page. */
export interface ServerNotices {
  /** The server is stopping for a restart (`server:restarting`) until the connection comes back. */
  restarting: boolean;
  /** Why the open question is paused, when the server (not the teacher) paused it. */
  storeUnavailable: boolean;
  /** The podium is shown but the game's record is still being written (`historySaved: false` until `history:saved`). */
  historySaving: boolean;
}

const initial: ServerNotices = { restarting: false, storeUnavailable: false, historySaving: false };
const state = new WeakMap<GameSocket, { notices: ServerNotices; listeners: Set<(n: ServerNotices) => void> }>();

function entry(socket: GameSocket) {
  let found = state.get(socket);
  if (!found) {
    const created = { notices: initial, listeners: new Set<(n: ServerNotices) => void>() };
    found = created;
    state.set(socket, created);
    const set = (patch: Partial<ServerNotices>) => {
      created.notices = { ...created.notices, ...patch };
      for (const listener of created.listeners) listener(created.notices);
    };
    socket.on('server:restarting', () => set({ restarting: true }));
    socket.on('connect', () => set({ restarting: false }));
    socket.on('game:paused', (p: { reason?: string }) => set({ storeUnavailable: p.reason === 'store-unavailable' }));
    socket.on('game:resumed', () => set({ storeUnavailable: false }));
    socket.on('question:open', () => set({ storeUnavailable: false }));
    socket.on('game:over', (g: { historySaved?: boolean }) => set({ historySaving: g.historySaved === false }));
    socket.on('history:saved', () => set({ historySaving: false }));
  }
  return found;
}

/** Starts listening when the page connects, so no notice sent before a view mounts is missed. */
export function watchServerNotices(socket: GameSocket): void {
  entry(socket);
}

export function useServerNotices(socket: GameSocket): ServerNotices {
  const found = entry(socket);
  const [notices, setNotices] = useState(found.notices);
  useEffect(() => {
    found.listeners.add(setNotices);
    setNotices(found.notices);
    return () => void found.listeners.delete(setNotices);
  }, [found]);
  return notices;
}
