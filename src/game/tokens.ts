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
  if (!hash) return false;
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export interface ParsedToken {
  gameId: string;
  playerId: string | null;
  secret: string;
}

export function parseToken(token: string): ParsedToken | null {
  const parts = token.split('.');
  if (parts.length === 2) return { gameId: parts[0], playerId: null, secret: parts[1] };
  if (parts.length === 3) return { gameId: parts[0], playerId: parts[1], secret: parts[2] };
  return null;
}
