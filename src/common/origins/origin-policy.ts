import { hostname, networkInterfaces } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { PublicUrl } from '../../config/public-url.js';

/** Refusals are logged at most this often: a misconfigured proxy would otherwise log every request. */
const WARN_INTERVAL_MS = 60_000;

type Headers = Record<string, string | string[] | undefined>;

/**
 * Which pages may talk to this server, and under which names. A page on
 * another site a student opens on the school network must not drive PIN
 * guessing through their browser (the Origin check), and a name an attacker
 * controls must not resolve to this server (DNS rebinding: the Host check).
 *
 * Allowed: this machine's own names (localhost, its addresses, its host name)
 * on any port; PUBLIC_URL; and ALLOWED_ORIGINS. A request without an Origin
 * (a same-origin page load, curl, a native client) is judged by its Host alone.
 */
@Injectable()
export class OriginPolicy {
  private readonly logger = new Logger(OriginPolicy.name);
  private readonly origins = new Set<string>();
  private readonly names = new Set<string>();
  private lastWarnAt = 0;

  constructor(config: AppConfig, urls: PublicUrl) {
    const listed = config.ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    for (const entry of [...(config.PUBLIC_URL ? [config.PUBLIC_URL] : []), ...listed]) {
      const origin = parseOrigin(entry);
      if (!origin) throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an origin such as https://quiz.example.org`);
      this.origins.add(origin.origin);
      this.names.add(origin.hostname);
    }
    if (!config.PUBLIC_URL) this.names.add(new URL(urls.base()).hostname);
    this.ownNames().forEach((n) => this.names.add(n));
  }

  /** Why a request must be refused (a message naming the header and the setting), or null. */
  problem(headers: Headers): string | null {
    const host = single(headers.host);
    if (host !== undefined && !this.isOwnName(hostOf(host))) {
      return `Host "${host}" is not a name of this server (ORIGIN_NOT_ALLOWED): set PUBLIC_URL or ALLOWED_ORIGINS to the address students use.`;
    }
    const origin = single(headers.origin);
    if (origin === undefined) return null;
    const parsed = parseOrigin(origin);
    if (parsed && (this.origins.has(parsed.origin) || this.isOwnName(parsed.hostname))) return null;
    return `Origin "${origin}" may not use this server (ORIGIN_NOT_ALLOWED): add it to ALLOWED_ORIGINS if that page is yours.`;
  }

  /** Logs a refusal now and then, so a teacher whose proxy sends another name finds out why. */
  refused(problem: string): void {
    const now = Date.now();
    if (now - this.lastWarnAt < WARN_INTERVAL_MS) return;
    this.lastWarnAt = now;
    this.logger.warn(`refused a request: ${problem}`);
  }

  private isOwnName(name: string | null): boolean {
    if (name === null) return false;
    if (this.names.has(name)) return true;
    // Addresses can change while the server runs (a laptop that moves to another network).
    const own = this.ownNames();
    own.forEach((n) => this.names.add(n));
    return own.has(name);
  }

  private ownNames(): Set<string> {
    const names = new Set(['localhost', '127.0.0.1', '[::1]']);
    const host = hostname().toLowerCase();
    names.add(host);
    names.add(`${host}.local`);
    for (const nic of Object.values(networkInterfaces()).flat()) {
      if (nic) names.add(nic.family === 'IPv6' ? `[${nic.address.toLowerCase()}]` : nic.address);
    }
    return names;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseOrigin(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** "example.org:3000" → "example.org"; "[::1]:3000" → "[::1]"; nonsense → null. */
function hostOf(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}
