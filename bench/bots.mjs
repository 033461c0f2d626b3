// One bot process of the bench: plays a slice of the class through
// docs/protocol.md (socket.io clients, websocket transport, loopback) and
// reports raw timings to the bench over IPC. Times are absolute
// (performance.timeOrigin + now) so the bench can line them up with the host's
// commands sent from another process. Exits when the bench goes away.
import { io } from 'socket.io-client';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const send = (msg) => process.send(msg);

let bots = [];
let spreadMs = 1000;
let dropped = 0;
let finished = false;

function connect(url) {
  return new Promise((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 120_000 });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** Connects and joins `count` bots, at most `inFlight` handshakes at a time; every join is sent as soon as its socket is up. */
async function joinAll({ urls, pin, offset, count, inFlight, ackTimeoutMs }) {
  const joins = [];
  let next = 0;
  const failures = [];
  bots = new Array(count);
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const n = offset + i;
      let socket;
      try {
        socket = await connect(urls[n % urls.length]);
      } catch (err) {
        failures.push(`connect: ${err.message}`);
        continue;
      }
      const bot = {
        n,
        socket,
        playerId: null,
        acked: [],
        opened: new Map(),
        results: new Map(),
        over: null,
        overBytes: 0,
        answeredFlags: new Map(),
      };
      bots[i] = bot;
      watch(bot);
      const sent = now();
      joins.push(
        socket
          .timeout(ackTimeoutMs)
          .emitWithAck('player:join', { pin, nickname: `bot${n}` })
          .then(
            (ack) => {
              if (!ack.ok) return failures.push(`join: ${ack.error.code}`);
              bot.playerId = ack.data.playerId;
              return { latency: now() - sent, at: now() };
            },
            (err) => failures.push(`join: ${err.message}`),
          ),
      );
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const settled = (await Promise.all(joins)).filter((j) => typeof j === 'object');
  return { latencies: settled.map((j) => j.latency), lastAckAt: Math.max(0, ...settled.map((j) => j.at)), failures };
}

function watch(bot) {
  const { socket } = bot;
  socket.on('disconnect', (reason, details) => {
    if (!finished) {
      dropped += 1;
      const text = details?.description?.message ?? details?.description ?? details?.message;
      send({ type: 'dropped', reason: text ? `${reason} (${String(text)})` : reason });
    }
  });
  socket.on('question:open', (q) => {
    if (bot.opened.has(q.index)) return;
    bot.opened.set(q.index, now());
    void answer(bot, q);
  });
  socket.on('player:result', (r) => {
    if (bot.results.has(r.index)) return;
    bot.results.set(r.index, now());
    bot.answeredFlags.set(r.index, r.answered);
  });
  socket.on('game:over', (payload) => {
    bot.over = now();
    bot.overBytes = JSON.stringify(payload).length;
  });
}

async function answer(bot, q) {
  await sleep(Math.random() * spreadMs);
  const choice = bot.n % Math.max(1, q.options.length);
  const sent = now();
  bot.lastSent = Math.max(bot.lastSent ?? 0, sent);
  try {
    const ack = await bot.socket.timeout(60_000).emitWithAck('player:answer', { questionIndex: q.index, answer: choice });
    if (ack.ok) bot.acked.push({ q: q.index, latency: now() - sent, sent });
    else bot.acked.push({ q: q.index, error: ack.error.code, sent });
  } catch (err) {
    bot.acked.push({ q: q.index, error: err.message, sent });
  }
}

/** Resolves when every live bot has its result for question q (or the deadline passes). */
async function questionDone(q, deadlineMs) {
  const until = Date.now() + deadlineMs;
  const live = () => bots.filter((b) => b?.playerId);
  while (Date.now() < until && !live().every((b) => b.results.has(q) && b.acked.some((a) => a.q === q))) await sleep(50);
  const list = live();
  const acks = list.flatMap((b) => b.acked.filter((a) => a.q === q));
  return {
    opens: list.map((b) => b.opened.get(q)).filter(Boolean),
    ackLatencies: acks.filter((a) => a.latency !== undefined).map((a) => a.latency),
    ackErrors: acks.filter((a) => a.error).map((a) => a.error),
    lastSent: Math.max(0, ...acks.map((a) => a.sent)),
    results: list.map((b) => b.results.get(q)).filter(Boolean),
    missingResults: list.filter((b) => !b.results.has(q)).length,
    // An acknowledged answer whose own result says "not answered" was lost.
    lostInResults: list.filter((b) => b.acked.some((a) => a.q === q && a.latency !== undefined) && b.answeredFlags.get(q) === false).length,
  };
}

async function gameOverDone(deadlineMs) {
  const until = Date.now() + deadlineMs;
  const live = () => bots.filter((b) => b?.playerId);
  while (Date.now() < until && !live().every((b) => b.over)) await sleep(50);
  const list = live();
  return {
    overs: list.map((b) => b.over).filter(Boolean),
    bytes: list.map((b) => b.overBytes).filter(Boolean),
    missing: list.filter((b) => !b.over).length,
    acked: list.flatMap((b) => b.acked.filter((a) => a.latency !== undefined).map((a) => [b.playerId, a.q])),
  };
}

process.on('message', async (msg) => {
  try {
    if (msg.type === 'join') {
      spreadMs = msg.spreadMs;
      send({ type: 'join', id: msg.id, value: await joinAll(msg) });
    } else if (msg.type === 'question-done') {
      send({ type: 'question-done', id: msg.id, value: await questionDone(msg.q, msg.deadlineMs) });
    } else if (msg.type === 'game-over-done') {
      send({ type: 'game-over-done', id: msg.id, value: await gameOverDone(msg.deadlineMs) });
    } else if (msg.type === 'finish') {
      finished = true;
      for (const b of bots) b?.socket.disconnect();
      send({ type: 'finish', id: msg.id, value: { dropped } });
      setTimeout(() => process.exit(0), 100);
    }
  } catch (err) {
    send({ type: 'error', id: msg.id, value: String(err?.stack ?? err) });
  }
});
process.on('disconnect', () => process.exit(0));
