import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The built client (client/dist), served from memory. Files under /assets/
 * carry a content hash in their name, so they are cached for a year and
 * never revalidated; the HTML pages that name them are `no-cache`, so a new
 * build reaches every browser on its next load. Brotli or gzip variants made
 * at build time are sent to browsers that accept them. A path that is not
 * one of the pages or a built file goes on (to the API, or to a 404): an
 * unknown path never gets the app page.
 */
const PAGES: Record<string, string> = { '/': 'index.html', '/play': 'play.html', '/host': 'host.html', '/history': 'history.html', '/bank': 'bank.html' };
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};
export const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Asset {
  type: string;
  cacheControl: string;
  etag: string;
  variants: { br?: Buffer; gzip?: Buffer; identity: Buffer };
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function loadAsset(file: string, immutable: boolean): Asset {
  const identity = readFileSync(file);
  const stat = statSync(file);
  return {
    type: TYPES[path.extname(file)] ?? 'application/octet-stream',
    cacheControl: immutable ? IMMUTABLE : 'no-cache',
    etag: `"${identity.length.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`,
    variants: { identity, br: readIfExists(`${file}.br`), gzip: readIfExists(`${file}.gz`) },
  };
}

/** URL path → asset, read once at start-up. A missing client build serves nothing (API-only tests). */
export function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const root = path.resolve(dir);
  for (const [url, file] of Object.entries(PAGES)) {
    const full = path.join(root, file);
    if (readIfExists(full)) {
      assets.set(url, loadAsset(full, false));
      assets.set(`/${file}`, loadAsset(full, false));
    }
  }
  let names: string[];
  try {
    names = readdirSync(path.join(root, 'assets'));
  } catch {
    return assets;
  }
  for (const name of names) {
    if (name.endsWith('.br') || name.endsWith('.gz')) continue;
    assets.set(`/assets/${name}`, loadAsset(path.join(root, 'assets', name), true));
  }
  return assets;
}

/** The best variant the browser accepts: brotli, then gzip, then the plain file. */
export function pickVariant(acceptEncoding: string | undefined, asset: Asset): { encoding: 'br' | 'gzip' | 'identity'; body: Buffer } {
  const accepted = new Set((acceptEncoding ?? '').split(',').map((part) => beforeFirst(part, ';').trim().toLowerCase()));
  const { br, gzip, identity } = asset.variants;
  if (br && accepted.has('br')) return { encoding: 'br', body: br };
  if (gzip && accepted.has('gzip')) return { encoding: 'gzip', body: gzip };
  return { encoding: 'identity', body: identity };
}

/** The text before the first `separator` (all of it when there is none). */
function beforeFirst(text: string, separator: string): string {
  const at = text.indexOf(separator);
  return at === -1 ? text : text.slice(0, at);
}

export function staticAssets(dir: string) {
  const assets = loadAssets(dir);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const pathname = beforeFirst(req.url ?? '/', '?');
    const asset = assets.get(pathname);
    if (!asset) {
      next();
      return;
    }
    res.setHeader('Cache-Control', asset.cacheControl);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', asset.etag);
    if (req.headers['if-none-match'] === asset.etag) {
      res.statusCode = 304;
      return void res.end();
    }
    const { encoding, body } = pickVariant(req.headers['accept-encoding'], asset);
    res.setHeader('Content-Type', asset.type);
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
