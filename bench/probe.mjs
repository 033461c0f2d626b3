// Loaded into a measured server process with `node --import ./bench/probe.mjs`:
// answers the bench's questions over IPC (resident memory, CPU time, event-loop
// stalls, heap) without touching the server's own code. If the bench goes away,
// the server goes with it, so no run can leave a server behind.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';

const STALL_MS = 100;
const TICK_MS = 20;
let histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
let stalls = 0;
let longest = 0;
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  const late = now - last - TICK_MS;
  if (late > STALL_MS) stalls += 1;
  if (late > longest) longest = late;
  last = now;
}, TICK_MS).unref();

function rssBytes() {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
}

function sample() {
  const cpu = process.cpuUsage();
  return {
    rss: rssBytes(),
    heapUsed: process.memoryUsage().heapUsed,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loop: { maxMs: Math.max(histogram.max / 1e6, longest), p99Ms: histogram.percentile(99) / 1e6, stalls },
  };
}

if (process.send) {
  process.on('message', (msg) => {
    if (msg?.probe === 'sample') process.send({ probe: 'sample', id: msg.id, value: sample() });
    if (msg?.probe === 'reset-loop') {
      histogram.disable();
      histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      stalls = 0;
      longest = 0;
      process.send({ probe: 'reset-loop', id: msg.id, value: true });
    }
    if (msg?.probe === 'gc') {
      globalThis.gc?.();
      process.send({ probe: 'gc', id: msg.id, value: true });
    }
  });
  process.on('disconnect', () => process.exit(0));
}
