// npm run build:server && node bench/scoreboard.mjs [players…]
//
// The scoreboard question (a Redis sorted set per game vs ranks the engine
// computes once per reveal), measured on the parts that differ:
//   - per answer: the answer script with and without its ZINCRBY, N answers
//     sent pipelined, as the live-games client sends them;
//   - per reveal: every phone needs its rank. The engine sorts the class once
//     (`storeRanks`) and each rank is then a field lookup; with the sorted
//     set it is one ZREVRANK per player (pipelined), plus ZREVRANGE for the top.
// Uses its own key prefix on the Redis at BENCH_REDIS_URL and deletes it after.
import { Redis } from 'ioredis';
import { storeRanks } from '../dist/game/engine/index.js';
import { dropRedisKeys } from './redis-keys.mjs';

const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 5000, 10000];
const ROUNDS = 9;
const prefix = `aulaquiz-scoreboard-bench:${process.pid}:`;
const redis = new Redis(REDIS_URL, { keyPrefix: prefix });

const ANSWER = (withScores) => `
if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then return 0 end
if redis.call('HGET', KEYS[1], 'open') ~= ARGV[1] then return -1 end
if redis.call('SISMEMBER', KEYS[4], ARGV[2]) == 1 then return -2 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
${withScores ? "redis.call('ZINCRBY', KEYS[3], ARGV[4], ARGV[2])" : ''}
return redis.call('HLEN', KEYS[2])`;
redis.defineCommand('withScores', { numberOfKeys: 4, lua: ANSWER(true) });
redis.defineCommand('withoutScores', { numberOfKeys: 4, lua: ANSWER(false) });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function answers(n, command, round) {
  const g = `{g${n}-${command}-${round}}`;
  await redis.hset(`${g}:core`, 'open', 'k');
  const record = JSON.stringify({ playerId: 'p', answer: 1, receivedAt: 0, responseMs: 800, correct: true, points: 900, streak: 1 });
  const t0 = process.hrtime.bigint();
  const pipe = redis.pipeline();
  for (let i = 0; i < n; i++) pipe[command](`${g}:core`, `${g}:answers`, `${g}:scores`, `${g}:kicked`, 'k', `p${i}`, record, 1 + (i % 1000));
  await pipe.exec();
  return ms(t0);
}

function gameOf(n) {
  const players = Object.create(null);
  for (let i = 0; i < n; i++) {
    players[`p${i}`] = {
      id: `p${i}`,
      nickname: `Player ${i}`,
      score: (i * 7919) % 5000,
      streak: 0,
      bestStreak: 0,
      correctCount: i % 4,
      connected: true,
      leftAt: null,
      kicked: false,
      joinedAt: 0,
      previousRank: null,
      rank: 1,
    };
  }
  return { index: 1, phase: 'reveal', players, answers: [Object.create(null), Object.create(null)], newcomerRank: 1 };
}

async function ranksFromSet(n, round) {
  const key = `{r${n}-${round}}:scores`;
  const flat = [];
  for (let i = 0; i < n; i++) flat.push((i * 7919) % 5000, `p${i}`);
  await redis.zadd(key, ...flat);
  const t0 = process.hrtime.bigint();
  const pipe = redis.pipeline();
  pipe.zrevrange(key, 0, 2, 'WITHSCORES');
  for (let i = 0; i < n; i++) pipe.zrevrank(key, `p${i}`);
  await pipe.exec();
  return ms(t0);
}

function ranksInEngine(n) {
  const game = gameOf(n);
  const t0 = process.hrtime.bigint();
  storeRanks(game);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += game.players[`p${i}`].rank;
  const took = ms(t0);
  if (sum <= 0) throw new Error('no ranks');
  return took;
}

try {
  console.log('| players | answers: script with ZINCRBY | without | per reveal: ZREVRANGE + ZREVRANK each | engine storeRanks + lookups |');
  console.log('|---|---|---|---|---|');
  for (const n of SIZES) {
    const runs = { with: [], without: [], set: [], engine: [] };
    for (let r = 0; r < ROUNDS; r++) {
      runs.with.push(await answers(n, 'withScores', r));
      runs.without.push(await answers(n, 'withoutScores', r));
      runs.set.push(await ranksFromSet(n, r));
      runs.engine.push(ranksInEngine(n));
    }
    const f = (xs) => `${median(xs).toFixed(1)} ms`;
    console.log(`| ${n} | ${f(runs.with)} | ${f(runs.without)} | ${f(runs.set)} | ${f(runs.engine)} |`);
  }
} finally {
  await dropRedisKeys(REDIS_URL, prefix);
  redis.disconnect();
}
