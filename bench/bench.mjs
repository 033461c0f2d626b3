// npm run bench [-- <players|1k|5k|10k> [embedded|redis|cluster] [both|aulaquiz|bare]]
//
// Plays whole games, lobby to podium, against the built server and against a
// bare socket.io server with the same message pattern, one after the other in
// the same run. Each server runs in its own process (a probe loaded with
// --import reports its memory, CPU time and event-loop stalls); the bots run
// in separate processes; this process is the host and the referee. Loopback
// only, fixed ports, and a hard time limit: it always stops by itself and
// takes every process it started down with it.
import { fork } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { startFlags } from '../scripts/start-command.mjs';
import { dropRedisKeys } from './redis-keys.mjs';
import { medianReport, percentile, report, tally } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const sizeArg = args.find((a) => /^\d+k?$/.test(a)) ?? process.env.BENCH_PLAYERS ?? '1000';
const PLAYERS = sizeArg.endsWith('k') ? Number(sizeArg.slice(0, -1)) * 1000 : Number(sizeArg);
const MODE = args.find((a) => ['embedded', 'redis', 'cluster'].includes(a)) ?? process.env.BENCH_MODE ?? 'embedded';
const TARGETS = { both: ['aulaquiz', 'bare'], aulaquiz: ['aulaquiz'], bare: ['bare'] }[args.find((a) => ['both', 'aulaquiz', 'bare'].includes(a)) ?? 'both'];
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 3);
/**
 * BENCH_ROUNDS: aulaquiz and bare take turns this many times (aulaquiz first in odd rounds, bare first in even ones,
 * so neither always runs on a machine the other just warmed or loaded); the report gives each round and the medians.
 */
const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 1)) || 1);
const SPREAD_MS = Number(process.env.BENCH_ANSWER_SPREAD_MS ?? 1000);
const CONNECTS_IN_FLIGHT = Number(process.env.BENCH_CONNECTS_IN_FLIGHT ?? 200);
const BOT_PROCESSES = Number(process.env.BENCH_BOT_PROCESSES ?? Math.min(4, Math.ceil(PLAYERS / 2500)));
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = `aulaquiz-bench:${process.pid}:`;
// Below Linux's ephemeral range (32768–60999 by default): thousands of bot connections take source ports
// from that range and keep them in TIME_WAIT after a run, and a server cannot listen on one of them.
const BASE_PORT = Number(process.env.BENCH_PORT ?? 31300);
const KEY = 'bench-teacher-key-0123456789';
/** Generous per phase; a phase that takes longer is reported as failed, not waited for. */
const PHASE_DEADLINE_MS = Math.max(60_000, PLAYERS * 20);
const HARD_STOP_MS = Number(process.env.BENCH_HARD_STOP_MS ?? Math.max(10 * 60_000, PLAYERS * 150) * ROUNDS);

const children = new Set();
function stopEverything(code) {
  for (const child of children) child.kill('SIGKILL');
  process.exit(code);
}
setTimeout(() => {
  console.error(`bench: hard time limit (${Math.round(HARD_STOP_MS / 1000)} s) reached, stopping`);
  stopEverything(2);
}, HARD_STOP_MS).unref();
process.on('SIGINT', () => stopEverything(130));
process.on('SIGTERM', () => stopEverything(143));
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

const now = () => performance.timeOrigin + performance.now();
const runStarted = Date.now();
/** Progress on stderr, so a long run shows where it is. */
const progress = (msg) => process.stderr.write(`  [${((Date.now() - runStarted) / 1000).toFixed(0)} s] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A child process that answers requests `{type, id}` with `{type, id, value}` over IPC. */
function spawnChild(script, { env = {}, execArgv = [], label, readyLine }) {
  const child = fork(script, [], { cwd: root, env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let seq = 0;
  const waiting = new Map();
  const listeners = new Set();
  child.on('message', (msg) => {
    const key = msg.probe ? `probe:${msg.id}` : `${msg.type}:${msg.id}`;
    const w = waiting.get(key) ?? (msg.type === 'error' ? [...waiting.values()][0] : undefined);
    if (w) {
      waiting.delete(key);
      if (msg.type === 'error') w.reject(new Error(`${label}: ${msg.value}`));
      else w.resolve(msg.value);
    }
    for (const l of listeners) l(msg);
  });
  const ready = new Promise((resolve, reject) => {
    if (!readyLine) return resolve();
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes(readyLine)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${label} exited (${code}) before it was ready`)));
  });
  child.stdout.resume();
  // BENCH_LOG_DIR: each server's log (its stdout) is kept there, so a failing run's warnings can be read.
  if (process.env.BENCH_LOG_DIR && readyLine) child.stdout.pipe(createWriteStream(join(process.env.BENCH_LOG_DIR, `${label.replace(/\W+/g, '-')}.log`)));
  const request = (type, body = {}) =>
    new Promise((resolve, reject) => {
      const id = ++seq;
      waiting.set(type.startsWith('probe:') ? `probe:${id}` : `${type}:${id}`, { resolve, reject });
      child.send(type.startsWith('probe:') ? { probe: type.slice(6), id } : { type, id, ...body });
    });
  return { child, ready, request, onMessage: (l) => listeners.add(l) };
}

/** A profiled server writes its CPU profile as it exits, which takes a while for a big run: it gets longer before SIGKILL. */
const STOP_GRACE_MS = process.env.BENCH_PROFILE_DIR || process.env.BENCH_ALLOC_PROFILE_DIR ? 60_000 : 5000;

async function stop(proc) {
  if (proc.child.exitCode !== null) return;
  const exited = new Promise((r) => proc.child.once('exit', r));
  proc.child.kill('SIGTERM');
  await Promise.race([exited, sleep(STOP_GRACE_MS)]);
  if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
}

const probe = ['--expose-gc', '--import', join(here, 'probe.mjs')];
/** BENCH_PROFILE_DIR: the servers also write V8 CPU profiles there (open them in Chrome DevTools). */
if (process.env.BENCH_PROFILE_DIR) probe.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`);

async function startServers(target) {
  if (target === 'bare') {
    const port = BASE_PORT;
    const s = spawnChild(join(here, 'bare-server.mjs'), {
      env: { PORT: String(port), BENCH_QUESTIONS: String(QUESTIONS) },
      execArgv: probe,
      label: 'bare server',
      readyLine: 'listening',
    });
    await s.ready;
    return [{ ...s, url: `http://127.0.0.1:${port}` }];
  }
  const instances = MODE === 'cluster' ? ['app1', 'app2'] : ['app1'];
  const dataDir = mkdtempSync(join(tmpdir(), 'aulaquiz-bench-'));
  const servers = instances.map((instance, i) => {
    const port = BASE_PORT + 1 + i;
    const s = spawnChild(join(root, process.env.BENCH_SERVER ?? 'dist/main.js'), {
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        TEACHER_KEY: KEY,
        DATA_DIR: dataDir,
        MAX_PLAYERS: String(PLAYERS),
        LOG_LEVEL: 'warn',
        INSTANCE_ID: instance,
        ...(MODE === 'embedded' ? { REDIS_URL: '' } : { REDIS_URL, REDIS_PREFIX, ALLOW_VOLATILE_REDIS: '1' }),
      },
      // Started as `npm start` starts it (its Node flags), with the probe.
      execArgv: [...startFlags(), ...probe],
      label: `aulaquiz ${instance}`,
      readyLine: 'aulaquiz is running',
    });
    return { ...s, url: `http://127.0.0.1:${port}` };
  });
  await Promise.all(servers.map((s) => s.ready));
  return servers;
}

async function createGame(target, url) {
  if (target === 'bare') return { pin: '000000', hostToken: 'bare', gameId: 'bare' };
  const res = await fetch(`${url}/api/games`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deckId: 'tema1-virtualizacion', questionCount: QUESTIONS, types: ['single'], timeLimitSec: 120, seed: 1 }),
  });
  if (!res.ok) throw new Error(`create game: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** Host commands are timed from just before they are sent; their acks are measured in bytes. */
async function hostCommand(host, stats, event, payload) {
  const sent = now();
  const ack = await host.timeout(PHASE_DEADLINE_MS).emitWithAck(event, payload);
  stats.hostAcks.push({ event, ms: now() - sent, bytes: JSON.stringify(ack).length, ok: ack.ok });
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
  return { sent, ack };
}

const sumProbe = async (servers, kind = 'probe:sample') => Promise.all(servers.map((s) => s.request(kind)));

async function run(target) {
  progress(`${target}: starting server`);
  const servers = await startServers(target);
  progress(`${target}: server ready`);
  const urls = servers.map((s) => s.url);
  const stats = {
    target,
    hostAcks: [],
    hostFrames: 0,
    hostBytes: 0,
    dropped: [],
    questions: [],
    join: { latencies: [], failures: [], loop: [] },
    podium: { fanout: [], bytes: [], missing: NaN },
    gameLoop: [],
    /** Where the run was (join storm, question n, podium): a dropped host is reported with it. */
    phase: 'start',
    /** Why each server closed or lost sockets, by role, and each host socket's end (bench/probe.mjs). */
    serverDisconnects: {},
    serverHostCloses: [],
  };
  const bots = Array.from({ length: BOT_PROCESSES }, (_, i) => spawnChild(join(here, 'bots.mjs'), { label: `bots ${i}` }));
  for (const b of bots) b.onMessage((m) => m.type === 'dropped' && stats.dropped.push(m.reason));
  Object.defineProperty(stats, 'droppedCount', { enumerable: true, get: () => stats.dropped.length });
  try {
    await play(target, servers, urls, bots, stats);
  } catch (err) {
    // The host leaves before the servers stop: its socket closing with them is not a drop.
    stats.leaveHost?.();
    // A run that breaks down still reports what it measured up to there.
    stats.failed = String(err?.message ?? err);
  } finally {
    await recordServerDisconnects(servers, stats);
    await Promise.all([...bots, ...servers].map(stop));
    if (target === 'aulaquiz' && MODE !== 'embedded') await dropRedisKeys(REDIS_URL, REDIS_PREFIX);
  }
  return stats;
}

async function play(target, servers, urls, bots, stats) {
  {
    const game = await createGame(target, urls[0]);
    const host = io(urls[0], { transports: ['websocket'], reconnection: false, forceNew: true });
    host.onAny((event, payload) => {
      stats.hostFrames += 1;
      if (event === 'lobby:update') stats.hostBytes += JSON.stringify(payload).length;
    });
    let hostLeaving = false;
    stats.leaveHost = () => {
      hostLeaving = true;
      host.disconnect();
    };
    host.on('disconnect', (reason, details) => {
      if (hostLeaving) return;
      stats.dropped.push(`host: ${reason}${detailOf(details)} during ${stats.phase}`);
    });
    await hostCommand(host, stats, 'host:attach', { hostToken: game.hostToken });
    await sumProbe(servers, 'probe:gc');
    const idle = await sumProbe(servers);

    // Join storm: every bot connects (CONNECTS_IN_FLIGHT handshakes at a time) and joins at once.
    await sumProbe(servers, 'probe:reset-loop');
    progress(`${target}: join storm`);
    stats.phase = 'join storm';
    const share = Math.ceil(PLAYERS / BOT_PROCESSES);
    const joinStart = now();
    const joined = await Promise.all(
      bots.map((b, i) =>
        b.request('join', {
          urls,
          pin: game.pin,
          offset: i * share,
          count: Math.max(0, Math.min(share, PLAYERS - i * share)),
          inFlight: Math.max(1, Math.floor(CONNECTS_IN_FLIGHT / BOT_PROCESSES)),
          ackTimeoutMs: PHASE_DEADLINE_MS,
          spreadMs: SPREAD_MS,
        }),
      ),
    );
    stats.join = {
      stormMs: Math.max(...joined.map((j) => j.lastAckAt)) - joinStart,
      latencies: joined.flatMap((j) => j.latencies),
      failures: joined.flatMap((j) => j.failures),
    };
    const afterJoin = await sumProbe(servers);
    stats.join.cpuMs = afterJoin.reduce((t, s, i) => t + s.cpuMs - idle[i].cpuMs, 0);
    stats.join.loop = afterJoin.map((s) => s.loop);
    await sumProbe(servers, 'probe:gc');
    const joinedMem = await sumProbe(servers);
    stats.rssPerPlayer = joinedMem.reduce((t, s, i) => t + s.rss - idle[i].rss, 0) / PLAYERS;
    stats.heapPerPlayer = joinedMem.reduce((t, s, i) => t + s.heapUsed - idle[i].heapUsed, 0) / PLAYERS;

    await sumProbe(servers, 'probe:reset-loop');
    const gameStart = await sumProbe(servers);
    for (let q = 0; q < QUESTIONS; q++) {
      progress(`${target}: question ${q}`);
      stats.phase = `question ${q}`;
      if (q > 0) await hostCommand(host, stats, 'host:next'); // reveal → leaderboard
      const { sent } = await hostCommand(host, stats, q === 0 ? 'host:start' : 'host:next');
      const done = await Promise.all(bots.map((b) => b.request('question-done', { q, deadlineMs: PHASE_DEADLINE_MS })));
      const lastSent = Math.max(...done.map((d) => d.lastSent));
      stats.questions.push({
        openFanout: done.flatMap((d) => d.opens.map((t) => t - sent)),
        ackLatencies: done.flatMap((d) => d.ackLatencies),
        ackErrors: done.flatMap((d) => d.ackErrors),
        // The close: from the last answer sent to the first phone's result. NaN (shown as –) when no phone got one.
        firstResult: done.some((d) => d.results.length) ? Math.min(...done.flatMap((d) => d.results)) - lastSent : NaN,
        resultFanout: done.flatMap((d) => d.results.map((t) => t - lastSent)),
        missingResults: done.reduce((t, d) => t + d.missingResults, 0),
        lostInResults: done.reduce((t, d) => t + d.lostInResults, 0),
      });
    }
    progress(`${target}: podium`);
    stats.phase = 'podium';
    const { sent: overSent } = await hostCommand(host, stats, 'host:next'); // last reveal → podium
    const over = await Promise.all(bots.map((b) => b.request('game-over-done', { deadlineMs: PHASE_DEADLINE_MS })));
    stats.podium = {
      fanout: over.flatMap((o) => o.overs.map((t) => t - overSent)),
      bytes: over.flatMap((o) => o.bytes),
      missing: over.reduce((t, o) => t + o.missing, 0),
    };
    const end = await sumProbe(servers);
    stats.gameCpuMs = end.reduce((t, s, i) => t + s.cpuMs - gameStart[i].cpuMs, 0);
    stats.gameLoopCpuMs = end.reduce((t, s, i) => t + s.loopCpuMs - gameStart[i].loopCpuMs, 0);
    stats.gameLoop = end.map((s) => s.loop);
    stats.rssEndPerPlayer = end.reduce((t, s, i) => t + s.rss - idle[i].rss, 0) / PLAYERS;
    const acked = over.flatMap((o) => o.acked);
    stats.ackedAnswers = acked.length;
    stats.missingFromHistory = target === 'bare' ? null : await missingFromHistory(urls[0], game.gameId, acked);
    hostLeaving = true;
    host.disconnect();
    await Promise.all(bots.map((b) => b.request('finish')));
    // BENCH_SETTLE_MS: the servers get this long to handle every phone leaving before they are stopped (read their logs).
    await sleep(Number(process.env.BENCH_SETTLE_MS ?? 0));
  }
}

/** What a socket.io client says about a disconnect beyond its reason (the transport's error, if any). */
export function detailOf(details) {
  const text = details?.description?.message ?? details?.description ?? details?.message;
  return text === undefined || text === null || text === '' ? '' : ` (${String(text)})`;
}

/** Asks each server why it closed sockets; a server that does not answer in time (hung, gone) is skipped. */
async function recordServerDisconnects(servers, stats) {
  const asked = servers.map((s) => Promise.race([s.request('probe:disconnects'), sleep(5000).then(() => null)]).catch(() => null));
  for (const [i, value] of (await Promise.all(asked)).entries()) {
    if (!value) continue;
    for (const [key, count] of Object.entries(value.counts)) stats.serverDisconnects[key] = (stats.serverDisconnects[key] ?? 0) + count;
    for (const close of value.hosts) stats.serverHostCloses.push({ server: i + 1, ...close });
  }
}

/** Every acknowledged answer must be in the game's history record. */
async function missingFromHistory(url, gameId, acked) {
  const res = await fetch(`${url}/api/history/${gameId}`, { headers: { authorization: `Bearer ${KEY}` } });
  if (!res.ok) return acked.length;
  const record = await res.json();
  const kept = new Set(record.questions.flatMap((q) => q.answers.map((a) => `${a.playerId}:${q.index}`)));
  return acked.filter(([playerId, q]) => !kept.has(`${playerId}:${q}`)).length;
}

console.log(
  `aulaquiz bench: ${PLAYERS} players, ${MODE} mode, ${QUESTIONS} questions, answers spread over ${SPREAD_MS} ms, ` +
    `${CONNECTS_IN_FLIGHT} connects in flight, ${BOT_PROCESSES} bot process(es), loopback`,
);
const rounds = [];
for (let round = 1; round <= ROUNDS; round++) {
  const results = {};
  for (const target of round % 2 === 1 ? TARGETS : [...TARGETS].reverse()) {
    const started = Date.now();
    try {
      results[target] = await run(target);
    } catch (err) {
      results[target] = { failed: String(err?.message ?? err), broken: true };
    }
    const name = ROUNDS > 1 ? `${target} (round ${round})` : target;
    console.log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(0)} s${results[target].failed ? ` — FAILED: ${results[target].failed}` : ''}`);
  }
  rounds.push(results);
  console.log(report(results, { players: PLAYERS, mode: MODE, round: ROUNDS > 1 ? round : null }));
}
if (ROUNDS > 1) console.log(medianReport(rounds, { players: PLAYERS, mode: MODE }));
if (process.env.BENCH_JSON) {
  const summaries = rounds.map((results) =>
    Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.broken ? v : { ...summarize(v), failed: v.failed ?? null }])),
  );
  writeFileSync(
    process.env.BENCH_JSON,
    JSON.stringify({ players: PLAYERS, mode: MODE, questions: QUESTIONS, spreadMs: SPREAD_MS, results: summaries[0], rounds: summaries }, null, 2),
  );
}
stopEverything(rounds.some((results) => Object.values(results).some((r) => r.failed)) ? 1 : 0);

function summarize(s) {
  const all = (key) => s.questions.flatMap((q) => q[key]);
  return {
    joinStormMs: s.join.stormMs,
    joinCpuMs: s.join.cpuMs,
    joinFailures: s.join.failures.length,
    answerAckP50: percentile(all('ackLatencies'), 50),
    answerAckP99: percentile(all('ackLatencies'), 99),
    openFanoutP99: percentile(all('openFanout'), 99),
    firstResultMs: percentile(
      s.questions.map((q) => q.firstResult),
      50,
    ),
    resultFanoutP99: percentile(all('resultFanout'), 99),
    podiumP99: percentile(s.podium.fanout, 99),
    podiumBytes: percentile(s.podium.bytes, 50),
    rssPerPlayer: s.rssPerPlayer,
    heapPerPlayer: s.heapPerPlayer,
    gameCpuMs: s.gameCpuMs,
    gameLoopCpuMs: s.gameLoopCpuMs,
    dropped: s.droppedCount,
    loopMaxMs: Math.max(0, ...s.gameLoop.map((l) => l.maxMs), ...s.join.loop.map((l) => l.maxMs)),
    missingFromHistory: s.missingFromHistory,
    joinFailureCauses: tally(s.join.failures),
    answerErrorCauses: tally(all('ackErrors')),
    drops: tally(s.dropped),
    serverDisconnects: s.serverDisconnects,
  };
}
