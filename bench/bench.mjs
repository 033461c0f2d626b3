// npm run bench: bots on loopback play a game against the built server and, in
// the same run, the same message pattern against a bare socket.io server.
// Prints latency percentiles and server memory. Always stops by itself.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { startBareServer } from './bare-server.mjs';

const PLAYERS = Number(process.env.BENCH_PLAYERS ?? 1000);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 3);
const ANSWER_SPREAD_MS = Number(process.env.BENCH_ANSWER_SPREAD_MS ?? 2000);
const KEY = 'bench-teacher-key-0123456789';
/** Set to bench the Redis mode (live games in Redis, under a prefix of this run that is deleted afterwards). */
const REDIS_URL = process.env.BENCH_REDIS_URL;
const REDIS_PREFIX = `aulaquiz-bench:${process.pid}:`;
const HARD_STOP_MS = 5 * 60_000;
setTimeout(() => {
  console.error('bench: hard time limit reached, stopping');
  process.exit(2);
}, HARD_STOP_MS).unref();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function percentiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s.at(-1) ?? NaN };
}

async function freePort() {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function startAulaquiz() {
  const port = await freePort();
  const child = spawn('node', ['dist/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      TEACHER_KEY: KEY,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'aulaquiz-bench-')),
      MAX_PLAYERS: String(PLAYERS + 10),
      LOG_LEVEL: 'warn',
      ...(REDIS_URL ? { REDIS_URL, REDIS_PREFIX, ALLOW_VOLATILE_REDIS: '1' } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('aulaquiz is running')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

function connect(url) {
  return new Promise((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function connectMany(url, n) {
  const sockets = [];
  for (let i = 0; i < n; i += 100) sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, n - i) }, () => connect(url)))));
  return sockets;
}

async function timed(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Bots answer at random moments within the spread; returns the ack latencies. */
async function answerWave(bots, index, pick) {
  const latencies = [];
  await Promise.all(
    bots.map(async (bot, i) => {
      await sleep(Math.random() * ANSWER_SPREAD_MS);
      latencies.push(await timed(() => bot.timeout(10_000).emitWithAck('player:answer', { questionIndex: index, answer: pick(i) })));
    }),
  );
  return latencies;
}

function waitAll(bots, event, match = () => true) {
  return Promise.all(bots.map((b) => new Promise((resolve) => {
    const on = (p) => { if (match(p)) { b.off(event, on); resolve(); } };
    b.on(event, on);
  })));
}

async function benchAulaquiz() {
  const server = await startAulaquiz();
  const created = await fetch(`${server.url}/api/games`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deckId: 'tema1-virtualizacion', questionCount: QUESTIONS, types: ['single'], timeLimitSec: 60, seed: 1 }),
  }).then((r) => r.json());
  const host = await connect(server.url);
  await host.timeout(10_000).emitWithAck('host:attach', { hostToken: created.hostToken });
  const rssIdle = rssMb(server.child.pid);
  const bots = await connectMany(server.url, PLAYERS);
  let received = 0;
  for (const b of bots) b.onAny(() => (received += 1));
  const joins = [];
  await Promise.all(bots.map(async (b, i) => joins.push(await timed(() => b.timeout(20_000).emitWithAck('player:join', { pin: created.pin, nickname: `bot${i}` })))));
  const rssJoined = rssMb(server.child.pid);
  const answers = [];
  const revealDelays = [];
  for (let q = 0; q < QUESTIONS; q++) {
    let options = 2;
    const opened = waitAll(bots, 'question:open', (p) => p.index === q && (options = p.options.length) > 0);
    await host.timeout(10_000).emitWithAck(q === 0 ? 'host:start' : 'host:next');
    if (q > 0) await host.timeout(10_000).emitWithAck('host:next');
    await opened;
    const revealed = waitAll(bots, 'player:result', (p) => p.index === q);
    answers.push(...(await answerWave(bots, q, (i) => i % options)));
    revealDelays.push(await timed(() => revealed));
  }
  const rssEnd = rssMb(server.child.pid);
  for (const b of [...bots, host]) b.disconnect();
  server.child.kill('SIGTERM');
  return { joins: percentiles(joins), answers: percentiles(answers), revealAfterLastAnswer: percentiles(revealDelays), framesPerBot: received / PLAYERS, rss: { idle: rssIdle, joined: rssJoined, end: rssEnd } };
}

async function benchBare() {
  const server = await startBareServer();
  const bots = await connectMany(server.url, PLAYERS);
  let received = 0;
  for (const b of bots) b.onAny(() => (received += 1));
  const joins = [];
  await Promise.all(bots.map(async (b, i) => joins.push(await timed(() => b.timeout(20_000).emitWithAck('player:join', { pin: '000000', nickname: `bot${i}` })))));
  const answers = [];
  for (let q = 0; q < QUESTIONS; q++) {
    const opened = waitAll(bots, 'question:open', (p) => p.index === q);
    server.open(q);
    await opened;
    answers.push(...(await answerWave(bots, q, (i) => i % 4)));
    server.reveal(q);
  }
  for (const b of bots) b.disconnect();
  await server.close();
  return { joins: percentiles(joins), answers: percentiles(answers), framesPerBot: received / PLAYERS };
}

const fmt = (p) => `p50 ${p.p50.toFixed(1)}  p95 ${p.p95.toFixed(1)}  p99 ${p.p99.toFixed(1)}  max ${p.max.toFixed(1)} ms (n=${p.n})`;

async function dropBenchKeys() {
  if (!REDIS_URL) return;
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${REDIS_PREFIX}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

console.log(`aulaquiz bench: ${PLAYERS} players, ${QUESTIONS} questions, answers spread over ${ANSWER_SPREAD_MS} ms, loopback, ${REDIS_URL ? 'Redis store' : 'embedded store'}`);
const game = await benchAulaquiz();
await dropBenchKeys();
const bare = await benchBare();
console.log('\naulaquiz');
console.log(`  join ack      ${fmt(game.joins)}`);
console.log(`  answer ack    ${fmt(game.answers)}`);
console.log(`  reveal after last answer  ${fmt(game.revealAfterLastAnswer)}`);
console.log(`  frames per player: ${game.framesPerBot.toFixed(1)}`);
console.log(`  server RSS: idle ${game.rss.idle.toFixed(0)} MB, ${PLAYERS} joined ${game.rss.joined.toFixed(0)} MB, end ${game.rss.end.toFixed(0)} MB`);
console.log('\nbare socket.io, same message pattern');
console.log(`  join ack      ${fmt(bare.joins)}`);
console.log(`  answer ack    ${fmt(bare.answers)}`);
console.log(`  frames per player: ${bare.framesPerBot.toFixed(1)}`);
process.exit(0);
