/** The player's token, per PIN, so a reload or a locked phone comes back as the same player. */
const key = (pin: string) => `aulaquiz.player.${pin}`;

export interface PlayerSession {
  pin: string;
  playerToken: string;
  nickname: string;
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
