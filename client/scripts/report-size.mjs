// Prints the gzipped JavaScript each page loads (its entry and every chunk it
// preloads) and fails the build if the phone page goes over its budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'dist');
const PLAYER_BUDGET_KB = 60;

function pageScripts(page) {
  const html = readFileSync(join(dist, `${page}.html`), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
let over = false;
for (const page of ['play', 'host', 'history', 'bank', 'index']) {
  const files = pageScripts(page);
  const gz = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  const budget = page === 'play' ? ` (budget ${PLAYER_BUDGET_KB} KB)` : '';
  console.log(`${page.padEnd(8)} ${kb(gz).padStart(6)} KB gzipped JavaScript in ${files.length} files${budget}`);
  if (page === 'play' && gz > PLAYER_BUDGET_KB * 1024) over = true;
}
if (over) {
  console.error(`The player page is over its ${PLAYER_BUDGET_KB} KB budget.`);
  process.exit(1);
}
