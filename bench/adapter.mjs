// node bench/adapter.mjs [players] [rounds] [passes]
//
// Broadcast latency through the socket.io Redis adapters, alone: two socket.io
// servers share Redis, the phones are connected to the second, and the first
// emits what a game emits across instances — one room broadcast (a question
// opening) and one message per player (results) — each stamped with the time
// it was sent. Run for the streams adapter and the classic pub/sub adapter,
// alternately, in the same process, so both see the same machine load.
// Reports p50/p99 from emit to receipt. Its own key prefix; deleted after.
// The classic adapter is not a dependency of the server (the streams adapter
// was kept, docs/benchmarks.md says why): `npm install --no-save
// @socket.io/redis-adapter` before running this.
import { createServer } from 'node:http';
import { createAdapter as streamsAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import { dropRedisKeys } from './redis-keys.mjs';
import { percentile } from './report.mjs';

const { createAdapter: pubSubAdapter } = await import('@socket.io/redis-adapter').catch(() => {
  console.error('bench/adapter.mjs needs the classic adapter: npm install --no-save @socket.io/redis-adapter');
  process.exit(1);
});
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PLAYERS = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 4);
const PASSES = Number(process.argv[4] ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 29640);
const prefix = `aulaquiz-adapter-bench:${process.pid}:`;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hardStop = setTimeout(() => {
  console.error('adapter bench: time limit reached');
  process.exit(2);
}, 10 * 60_000);

const adapters = {
  streams: (redis) => streamsAdapter(redis, { blockTimeInMs: 1000, channelPrefix: `${prefix}socket.io`, maxLen: 10_000 }),
  pubsub: (redis) => pubSubAdapter(redis, redis.duplicate(), { key: `${prefix}socket.io` }),
};

async function serverWith(kind, port, clients) {
  const redis = new Redis(REDIS_URL, { keyPrefix: prefix });
  clients.push(redis);
  const http = createServer();
  const server = new Server(http, { transports: ['websocket'] });
  server.adapter(adapters[kind](redis));
  await new Promise((resolve) => http.listen(port, '127.0.0.1', resolve));
  return { server, http };
}

async function measure(kind) {
  const clients = [];
  const a = await serverWith(kind, PORT, clients);
  const b = await serverWith(kind, PORT + 1, clients);
  b.server.on('connection', (socket) => {
    void socket.join(['game', `player:${String(socket.handshake.auth.id)}`]);
  });
  const phones = [];
  const delays = { broadcast: [], perPlayer: [] };
  for (let i = 0; i < PLAYERS; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, PLAYERS - i) }, (_, j) => {
        const phone = io(`http://127.0.0.1:${PORT + 1}`, { transports: ['websocket'], auth: { id: i + j }, forceNew: true, reconnection: false });
        phone.on('open', (sentAt) => delays.broadcast.push(now() - sentAt));
        phone.on('result', (sentAt) => delays.perPlayer.push(now() - sentAt));
        phones.push(phone);
        return new Promise((resolve) => phone.once('connect', resolve));
      }),
    );
  }
  await sleep(500);
  for (let r = 0; r < ROUNDS; r++) {
    a.server.to('game').emit('open', now());
    await sleep(1000);
    for (let i = 0; i < PLAYERS; i++) a.server.to(`player:${i}`).emit('result', now());
    await sleep(2000);
  }
  for (const phone of phones) phone.disconnect();
  a.server.close();
  b.server.close();
  for (const c of clients) c.disconnect();
  const expected = ROUNDS * PLAYERS;
  return {
    broadcast: { p50: percentile(delays.broadcast, 50), p99: percentile(delays.broadcast, 99), missing: expected - delays.broadcast.length },
    perPlayer: { p50: percentile(delays.perPlayer, 50), p99: percentile(delays.perPlayer, 99), missing: expected - delays.perPlayer.length },
  };
}

const results = { streams: [], pubsub: [] };
try {
  for (let pass = 0; pass < PASSES; pass++) {
    for (const kind of ['streams', 'pubsub']) {
      results[kind].push(await measure(kind));
      process.stderr.write(`  ${kind} pass ${pass + 1} done\n`);
    }
  }
  const ms = (x) => `${x.toFixed(0)} ms`;
  console.log(`${PLAYERS} phones on the second instance, ${ROUNDS} rounds per pass, ${PASSES} passes per adapter, alternating`);
  console.log('| adapter | pass | room broadcast p50 / p99 | per-player messages p50 / p99 | missing |');
  console.log('|---|---|---|---|---|');
  for (const [kind, passes] of Object.entries(results)) {
    passes.forEach((r, i) => {
      console.log(
        `| ${kind} | ${i + 1} | ${ms(r.broadcast.p50)} / ${ms(r.broadcast.p99)} | ${ms(r.perPlayer.p50)} / ${ms(r.perPlayer.p99)} | ${r.broadcast.missing + r.perPlayer.missing} |`,
      );
    });
  }
} finally {
  await dropRedisKeys(REDIS_URL, prefix);
  clearTimeout(hardStop);
}
