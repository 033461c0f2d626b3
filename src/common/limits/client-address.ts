import { BlockList, isIP } from 'node:net';

/** The parts of an HTTP request (or a socket.io handshake) that say who is asking. */
export interface AddressSource {
  socket?: { remoteAddress?: string } | null;
  headers: Record<string, string | string[] | undefined>;
}

/** "::ffff:10.0.0.7" and "10.0.0.7" are the same client. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}

export function isLoopback(address: string): boolean {
  const a = normalizeAddress(address);
  return a === '::1' || a.startsWith('127.');
}

/**
 * Proxies whose X-Forwarded-For is believed, from TRUST_PROXY: IPs, CIDRs and
 * "loopback". A bad entry throws with its text, so a typo stops the start.
 */
export function trustedProxies(setting: string): BlockList {
  const list = new BlockList();
  for (const entry of setting
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [ip = '', bits] = entry.split('/');
    const family = isIP(ip);
    const prefix = bits === undefined ? null : Number(bits);
    const maxBits = family === 6 ? 128 : 32;
    if (family === 0 || (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === null) list.addAddress(ip, type);
    else list.addSubnet(ip, prefix, type);
  }
  return list;
}

function isTrusted(address: string, proxies: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the peer, or, when the peer is a trusted proxy, the
 * nearest X-Forwarded-For hop that is not one (hops further left are written
 * by the client itself and could be anything).
 */
export function clientAddress(source: AddressSource, proxies: BlockList): string {
  let address = normalizeAddress(source.socket?.remoteAddress ?? 'unknown');
  if (!isTrusted(address, proxies)) return address;
  const header = source.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (const raw of hops.reverse()) {
    const hop = normalizeAddress(raw);
    if (isIP(hop) === 0) return address;
    address = hop;
    if (!isTrusted(hop, proxies)) return hop;
  }
  return address;
}

/** A request that came straight from this machine (not through a proxy): a local tool, not a phone. */
export function isLocalDirect(source: AddressSource): boolean {
  return isLoopback(source.socket?.remoteAddress ?? '') && source.headers['x-forwarded-for'] === undefined;
}
