// npm run start:cluster — the docker-compose topology without Docker: two server
// instances sharing one Redis, behind one entry point that spreads connections
// over them (round robin, WebSocket upgrades included). Needs a Redis server
// (REDIS_URL, default redis://127.0.0.1:6379) and a build (npm run build).
//
// The entry point checks each instance's /health/ready every second and sends
// nothing to one that fails it (dead, draining, or without Redis); a request
// that finds an instance gone before the check noticed is sent to the other one
// when that is safe (the connection was refused, so nothing reached it). An
// instance that exits is started again.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { createProxyServer } from 'http-proxy-3';
import { Redis } from 'ioredis';
import { startArgs } from './start-command.mjs';

const PORT = Number(process.env.PORT ?? 3000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CHECK_EVERY_MS = 1000;
const RESTART_AFTER_MS = 1000;
/** An instance that exits this soon after starting, this many times in a row, is not started again (it cannot start). */
const CRASH_LOOP_MS = 5000;
const CRASH_LOOP_LIMIT = 3;
const INSTANCES = [
  { id: 'app1', port: Number(process.env.APP1_PORT ?? PORT + 1) },
  { id: 'app2', port: Number(process.env.APP2_PORT ?? PORT + 2) },
].map((i) => ({ ...i, healthy: false, child: null, quickExits: 0 }));

async function redisAnswers() {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

if (!(await redisAnswers())) {
  console.error(`No Redis answers at ${REDIS_URL}. Start one, for example:\n  redis-server --port 6379 --appendonly yes --appendfsync everysec`);
  process.exit(1);
}

// The instances refuse a Redis without an append-only file (src/redis/redis-persistence.ts): say so once, here.
if (process.env.ALLOW_VOLATILE_REDIS !== '1') {
  const probe = new Redis(REDIS_URL, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  const info = await probe.info('persistence').finally(() => probe.disconnect());
  if (!/^aof_enabled:1\s*$/m.test(info)) {
    console.error(`Redis at ${REDIS_URL} keeps no append-only file: a Redis restart would erase every live game and all history.`);
    console.error('Start it with --appendonly yes --appendfsync everysec, or set ALLOW_VOLATILE_REDIS=1 to run without it.');
    process.exit(1);
  }
}

const lan =
  Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address ?? 'localhost';
const publicUrl = process.env.PUBLIC_URL ?? `http://${lan}:${PORT}`;
// Both instances must accept the same teacher key.
const teacherKey = process.env.TEACHER_KEY ?? randomBytes(18).toString('base64url');
let stopping = false;

function startInstance(instance) {
  const child = spawn('node', startArgs(), {
    env: {
      ...process.env,
      PORT: String(instance.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: publicUrl,
      TEACHER_KEY: teacherKey,
      REDIS_URL,
      INSTANCE_ID: instance.id,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  instance.child = child;
  const startedAt = Date.now();
  console.log(`${instance.id} (pid ${child.pid}) on :${instance.port}`);
  child.on('exit', (code, signal) => {
    instance.healthy = false;
    if (stopping) return;
    instance.quickExits = Date.now() - startedAt < CRASH_LOOP_MS ? instance.quickExits + 1 : 0;
    if (instance.quickExits >= CRASH_LOOP_LIMIT) {
      console.error(`${instance.id} exited ${CRASH_LOOP_LIMIT} times right after starting (see its messages above); not starting it again`);
      return;
    }
    console.error(`${instance.id} exited (${signal ?? code}); starting it again`);
    setTimeout(() => startInstance(instance), RESTART_AFTER_MS).unref();
  });
}

/** An instance is used only while its readiness check passes. */
function check(instance) {
  const req = request({ host: '127.0.0.1', port: instance.port, path: '/health/ready', timeout: CHECK_EVERY_MS }, (res) => {
    res.resume();
    setHealth(instance, res.statusCode === 200);
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', () => setHealth(instance, false));
  req.end();
}

function setHealth(instance, healthy) {
  if (instance.healthy !== healthy) console.log(`${instance.id} is ${healthy ? 'ready' : 'not ready: not routing to it'}`);
  instance.healthy = healthy;
}

let next = 0;
/** Round robin over the ready instances (all of them if none passes, so an answer still says why). */
function pick(except) {
  const ready = INSTANCES.filter((i) => i.healthy && i !== except);
  const pool = ready.length > 0 ? ready : INSTANCES.filter((i) => i !== except);
  return pool[next++ % pool.length];
}

const proxy = createProxyServer({ ws: true, xfwd: true });
proxy.on('error', () => undefined);

function tryAgain(res) {
  if (res.headersSent) return res.destroy();
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  res.end(JSON.stringify({ error: { code: 'TRY_AGAIN', message: 'No server instance answered; try again in a moment.' } }));
}

function forward(req, res, instance, retried) {
  proxy.web(req, res, { target: `http://127.0.0.1:${instance.port}` }, (err) => {
    const refused = err && (err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET');
    if (refused) setHealth(instance, false);
    // A refused connection received nothing: a request without a body can go to the other instance.
    const bodiless = req.method === 'GET' || req.method === 'HEAD';
    if (refused && bodiless && !retried && !res.headersSent) return forward(req, res, pick(instance), true);
    tryAgain(res);
  });
}

const entry = createServer((req, res) => forward(req, res, pick(), false));
entry.on('upgrade', (req, socket, head) => {
  const instance = pick();
  proxy.ws(req, socket, head, { target: `http://127.0.0.1:${instance.port}` }, () => {
    setHealth(instance, false);
    socket.destroy();
  });
});

for (const instance of INSTANCES) startInstance(instance);
const checks = setInterval(() => INSTANCES.forEach(check), CHECK_EVERY_MS);

entry.listen(PORT, process.env.HOST ?? '0.0.0.0', () => {
  console.log(`aulaquiz cluster: ${INSTANCES.map((i) => `${i.id} on :${i.port}`).join(', ')}, Redis ${REDIS_URL}`);
  console.log(`Entry point ${publicUrl}`);
  console.log(`Host a game (teacher): ${publicUrl}/host#key=${encodeURIComponent(teacherKey)}`);
});

const stop = () => {
  stopping = true;
  clearInterval(checks);
  for (const instance of INSTANCES) instance.child?.kill('SIGTERM');
  entry.close();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
