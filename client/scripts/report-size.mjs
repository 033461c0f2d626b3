// Pre-compresses every built file (brotli and gzip, best levels: done once at
// build time, never per request), then reports what each page costs on the
// wire: the brotli bytes a phone actually downloads for its HTML, scripts and
// styles. Fails the build if the phone page goes over its budget.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'dist');
const PLAYER_BUDGET_KB = 60;
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

function compressAll(dir) {
  const sizes = new Map();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const [k, v] of compressAll(file)) sizes.set(k, v);
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name)) continue;
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    const gz = gzipSync(raw, { level: 9 });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    sizes.set(file.slice(dist.length + 1), { raw: raw.length, br: br.length, gz: gz.length });
  }
  return sizes;
}

function pageFiles(page) {
  const html = readFileSync(join(dist, `${page}.html`), 'utf8');
  return [`${page}.html`, ...[...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1])];
}

const sizes = compressAll(dist);
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(6);
let over = false;
console.log('page     on the wire (brotli)   gzip      raw   files');
for (const page of ['play', 'host', 'history', 'bank', 'index']) {
  const files = pageFiles(page);
  const sum = (kind) => files.reduce((total, f) => total + sizes.get(f)[kind], 0);
  const budget = page === 'play' ? ` (budget ${PLAYER_BUDGET_KB} KB)` : '';
  console.log(`${page.padEnd(8)} ${kb(sum('br'))} KB             ${kb(sum('gz'))} KB ${kb(sum('raw'))} KB  ${files.length}${budget}`);
  if (page === 'play' && sum('br') > PLAYER_BUDGET_KB * 1024) over = true;
}
if (over) {
  console.error(`The player page is over its ${PLAYER_BUDGET_KB} KB budget.`);
  process.exit(1);
}
