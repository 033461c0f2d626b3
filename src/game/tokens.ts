import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens are "<gameId>.<playerId>.<secret>" (hosts: "<gameId>.<secret>"):
 * the ids say where to look, and only a hash of the secret is stored.
 */
export function newId(): string {
  return randomBytes(9).toString('base64url');
}

export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string | undefined): boolean {
  if (typeof hash !== 'string' || hash.length !== 64) return false;
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export interface ParsedToken {
  gameId: string;
  playerId: string | null;
  secret: string;
}

/** Game and player ids: 9 random bytes in base64url (newId). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{12}$/;
/** Token secrets: 24 random bytes in base64url (newSecret). */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/**
 * Splits a token and checks every part against the shape the server hands
 * out, before any part is used as a key: "__proto__", "constructor" or a
 * 2,000-character id never reach a lookup.
 */
export function parseToken(token: string): ParsedToken | null {
  const parts = token.split('.');
  if (!parts.every((part, i) => (i === parts.length - 1 ? SECRET_PATTERN : ID_PATTERN).test(part))) return null;
  // A host's token has two parts and a player's three: any other count is no token.
  const [gameId, second, third] = parts;
  if (gameId === undefined || second === undefined || parts.length > 3) return null;
  return third === undefined ? { gameId, playerId: null, secret: second } : { gameId, playerId: second, secret: third };
}
