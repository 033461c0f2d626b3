// npm run start:cluster — the docker-compose topology without Docker: two server
// instances sharing one Redis, behind one entry point that spreads connections
// over them (round robin, WebSocket upgrades included). Needs a Redis server
// (REDIS_URL, default redis://127.0.0.1:6379) and a build (npm run build).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { createProxyServer } from 'http-proxy-3';
import { Redis } from 'ioredis';

const PORT = Number(process.env.PORT ?? 3000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const INSTANCES = [
  { id: 'app1', port: Number(process.env.APP1_PORT ?? PORT + 1) },
  { id: 'app2', port: Number(process.env.APP2_PORT ?? PORT + 2) },
];

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

const lan = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address ?? 'localhost';
const publicUrl = process.env.PUBLIC_URL ?? `http://${lan}:${PORT}`;
// Both instances must accept the same teacher key.
const teacherKey = process.env.TEACHER_KEY ?? randomBytes(18).toString('base64url');

const children = INSTANCES.map(({ id, port }) =>
  spawn('node', ['dist/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: publicUrl, TEACHER_KEY: teacherKey, REDIS_URL, INSTANCE_ID: id },
    stdio: ['ignore', 'ignore', 'inherit'],
  }),
);

const proxy = createProxyServer({ ws: true, xfwd: true });
proxy.on('error', (err, _req, res) => {
  if (res && 'writeHead' in res && !res.headersSent) {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: 'No server instance answered.' } }));
  }
});
let next = 0;
const pick = () => `http://127.0.0.1:${INSTANCES[next++ % INSTANCES.length].port}`;
const entry = createServer((req, res) => proxy.web(req, res, { target: pick() }));
entry.on('upgrade', (req, socket, head) => proxy.ws(req, socket, head, { target: pick() }));
entry.listen(PORT, process.env.HOST ?? '0.0.0.0', () => {
  console.log(`aulaquiz cluster: ${INSTANCES.map((i) => `${i.id} on :${i.port}`).join(', ')}, Redis ${REDIS_URL}`);
  console.log(`Entry point ${publicUrl}`);
  console.log(`Host a game (teacher): ${publicUrl}/host#key=${encodeURIComponent(teacherKey)}`);
});

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  entry.close();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code, signal) => console.error(`an instance exited (${signal ?? code})`));
