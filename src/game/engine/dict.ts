/**
 * A table keyed by ids and names that come from clients (player ids,
 * nicknames). It has no prototype, so "__proto__", "constructor" or
 * "toString" are ordinary keys that are simply absent: a lookup can never
 * reach Object.prototype, and a write can never change it.
 */
export function dict<T>(entries?: Readonly<Record<string, T>> | null): Record<string, T> {
  const table = Object.create(null) as Record<string, T>;
  if (entries) for (const [key, value] of Object.entries(entries)) table[key] = value;
  return table;
}

/** Makes the client-keyed tables of a game that came from JSON (a store) prototype-free again. */
export function withoutPrototypes<
  G extends { players: object; nicknames: object; credentials: { players: object }; answers: object[]; bannedDevices?: object },
>(game: G): G {
  game.players = dict(game.players as Record<string, unknown>);
  game.nicknames = dict(game.nicknames as Record<string, unknown>);
  game.credentials.players = dict(game.credentials.players as Record<string, unknown>);
  game.answers = game.answers.map((a) => dict(a as Record<string, unknown>));
  if (game.bannedDevices) game.bannedDevices = dict(game.bannedDevices as Record<string, unknown>);
  return game;
}
