import { DEVICE_ID_PATTERN } from '../shared/protocol.js';

/**
 * The player's token, per PIN, in localStorage: a reload, a locked phone or
 * a closed and reopened tab comes back as the same player (sessionStorage
 * would lose the token with the tab, and the student could not rejoin under
 * their own name while it is still held by their old player).
 */
const key = (pin: string) => `aulaquiz.player.${pin}`;
const DEVICE_KEY = 'aulaquiz.device';

export interface PlayerSession {
  pin: string;
  playerToken: string;
  nickname: string;
  /** The teacher removed this player: the phone shows that, never the join form again for this PIN. */
  kicked?: boolean;
}

export function loadSession(pin: string): PlayerSession | null {
  try {
    return JSON.parse(localStorage.getItem(key(pin)) ?? 'null') as PlayerSession | null;
  } catch {
    return null;
  }
}

export function saveSession(session: PlayerSession): void {
  localStorage.setItem(key(session.pin), JSON.stringify(session));
}

export function clearSession(pin: string): void {
  localStorage.removeItem(key(pin));
}

export function markKicked(pin: string): void {
  const session = loadSession(pin);
  if (session) saveSession({ ...session, kicked: true });
}

/**
 * A random id this browser keeps for good and sends with every join: the
 * server bans it with the player when the teacher removes them, so a reload
 * with a new name does not get the student back into the same game.
 */
export function deviceId(): string {
  const stored = localStorage.getItem(DEVICE_KEY);
  if (stored && DEVICE_ID_PATTERN.test(stored)) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const id = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  localStorage.setItem(DEVICE_KEY, id);
  return id;
}
