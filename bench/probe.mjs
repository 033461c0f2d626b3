// Loaded into a measured server process with `node --import ./bench/probe.mjs`:
// answers the bench's questions over IPC (resident memory, CPU time, event-loop
// stalls, heap) without touching the server's own code. If the bench goes away,
// the server goes with it, so no run can leave a server behind.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';

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

/**
 * Why the server closed or lost each socket (socket.io's own reason, e.g.
 * "ping timeout", "transport close", "server namespace disconnect"), counted
 * per role (the gateway keeps the session on `socket.data`). Read from the
 * socket.io the server itself loads, so the server's code is untouched. A
 * server that does not use socket.io from this directory reports nothing.
 */
const disconnects = { counts: {}, hosts: [] };
try {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const { Socket } = require('socket.io/dist/socket.js');
  const onclose = Socket.prototype._onclose;
  Socket.prototype._onclose = function (reason, description) {
    const role = this.data?.session?.role ?? 'none';
    const key = `${role}: ${reason}`;
    disconnects.counts[key] = (disconnects.counts[key] ?? 0) + 1;
    if (role === 'host') disconnects.hosts.push({ reason, detail: describe(description), at: performance.timeOrigin + performance.now() });
    return onclose.call(this, reason, description);
  };
} catch {
  // No socket.io here: nothing to count.
}

function describe(description) {
  if (description === undefined || description === null) return null;
  if (description instanceof Error) return description.message;
  if (typeof description === 'object')
    return String(description.description?.message ?? description.message ?? description.description ?? JSON.stringify(description));
  return String(description);
}

function rssBytes() {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
}

/**
 * CPU time of the event loop's own thread, in ms (10 ms steps: the kernel counts in clock ticks). The process's CPU
 * also holds the journal's sync thread, the garbage collector's helpers and the thread pool; what keeps the loop from
 * reading the next answer is the loop's own work.
 */
function loopThreadCpuMs() {
  const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
  // utime and stime, fields 14 and 15 of stat(5), counted from the state field (3).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function sample() {
  const cpu = process.cpuUsage();
  return {
    rss: rssBytes(),
    heapUsed: process.memoryUsage().heapUsed,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loopCpuMs: loopThreadCpuMs(),
    loop: { maxMs: Math.max(histogram.max / 1e6, longest), p99Ms: histogram.percentile(99) / 1e6, stalls },
  };
}

/**
 * BENCH_ALLOC_PROFILE_DIR: a sampling heap profile of the game phase (from the second loop reset, when the first
 * question is about to open, to the end) that keeps objects the garbage collector already took, so it shows what
 * the game allocates, not only what it keeps. Load it in Chrome DevTools (Memory tab) or summarise it by function.
 */
const allocDir = process.env.BENCH_ALLOC_PROFILE_DIR;
let allocSession = null;
let resets = 0;
function startAllocationSampling() {
  allocSession = new Session();
  allocSession.connect();
  allocSession.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}
function writeAllocationProfile() {
  if (!allocSession) return;
  allocSession.post('HeapProfiler.stopSampling', (err, result) => {
    if (!err) writeFileSync(join(allocDir, `alloc.${process.pid}.heapprofile`), JSON.stringify(result.profile));
  });
  allocSession = null;
}

// Written as the server is told to stop, and as it exits (an in-process inspector session answers synchronously).
if (allocDir) {
  process.on('SIGTERM', () => {
    writeAllocationProfile();
    // A server without its own SIGTERM handler (the bare one) would otherwise no longer stop on it.
    if (process.listenerCount('SIGTERM') === 1) process.exit(143);
  });
  process.on('exit', writeAllocationProfile);
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
      if (allocDir && ++resets === 2) startAllocationSampling();
      process.send({ probe: 'reset-loop', id: msg.id, value: true });
    }
    if (msg?.probe === 'disconnects') process.send({ probe: 'disconnects', id: msg.id, value: disconnects });
    if (msg?.probe === 'gc') {
      globalThis.gc?.();
      process.send({ probe: 'gc', id: msg.id, value: true });
    }
  });
  process.on('disconnect', () => {
    writeAllocationProfile();
    process.exit(0);
  });
}
