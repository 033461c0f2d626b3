// How the server process is started, everywhere: `npm start` (package.json's
// "start" script is the one place it is written), the two-instance cluster, the
// bench and the built-server tests read it from there; the Dockerfile's CMD
// repeats it and test/start-command.spec.ts keeps the two the same.
//
// `--max-semi-space-size=32`: V8's young generation holds what a burst
// allocates between two scavenges. With the default 16 MiB semi-spaces a
// 10,000-player game scavenged about 190 times and spent 2.5 s in them (a
// scavenge costs what survives it, and the answers and messages in flight
// survive); at 32 MiB it was about 100 scavenges and 1.8 s, for about 25 MB
// more resident memory once a big game has run (2.5 KB per player at 10,000;
// docs/benchmarks.md). The young generation only grows that far under load.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The arguments `npm start` gives `node`: its flags, then the entry point. */
export function startArgs() {
  const [node, ...args] = pkg.scripts.start.split(/\s+/);
  if (node !== 'node') throw new Error(`package.json's start script should run node, not ${node}`);
  return args;
}

/** The flags alone (for a launcher that runs dist/main.js with its own flags added). */
export function startFlags() {
  return startArgs().filter((arg) => arg.startsWith('--'));
}
