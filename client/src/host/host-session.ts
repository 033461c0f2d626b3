/** The game this browser hosts, so a refresh of the projector page comes back to it. */
const KEY = 'aulaquiz.host';

export interface HostSession {
  gameId: string;
  hostToken: string;
  pin: string;
  joinUrl: string;
}

export function loadHostSession(): HostSession | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as HostSession | null;
  } catch {
    return null;
  }
}

export function saveHostSession(session: HostSession): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearHostSession(): void {
  localStorage.removeItem(KEY);
}
