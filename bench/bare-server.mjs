// The baseline: a bare socket.io server, run as its own process, speaking the
// same message pattern as a game and doing nothing else: an ack per join and
// answer, lobby counts to the host at most every 200 ms, one room broadcast per
// phase change, at a reveal the reveal to the host and one result per player
// (a phone's reveal), and at the podium each phone its own rank with the top
// three. Started by the bench with PORT set.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const PORT = Number(process.env.PORT);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 3);
const http = createServer();
const io = new Server(http, { perMessageDeflate: false, maxHttpBufferSize: 4096, pingInterval: 10_000, pingTimeout: 8_000 });
const players = new Map();
let host = null;
let phase = 'lobby';
let index = -1;
let answered = new Set();
let lobbyDirty = [];
let lobbyTimer = null;

const ok = (data) => ({ ok: true, data });
const podiumEntry = (p, rank) => ({ playerId: p.id, nickname: p.nickname, score: p.score, rank });

function ranked() {
  return [...players.values()].sort((a, b) => b.score - a.score).map((p, i) => podiumEntry(p, i + 1));
}

function openQuestion(i) {
  phase = 'question';
  index = i;
  answered = new Set();
  io.to('game').emit('question:open', {
    index,
    total: QUESTIONS,
    type: 'single',
    prompt: 'Bench question',
    options: ['a', 'b', 'c', 'd'],
    remainingMs: 60_000,
  });
}

function reveal() {
  phase = 'reveal';
  host?.emit('question:reveal', { index, correct: [0], distribution: { correct: 0, incorrect: 0, unanswered: 0 } });
  const ranks = ranked();
  ranks.forEach((r) => {
    const p = players.get(r.playerId);
    io.to(p.socketId).emit('player:result', { index, answered: answered.has(p.id), score: p.score, rank: r.rank, totalPlayers: ranks.length });
  });
  host?.emit('leaderboard:update', { top: ranks.slice(0, 10), total: ranks.length });
}

function gameOver() {
  phase = 'podium';
  const ranks = ranked();
  const podium = ranks.slice(0, 3);
  for (const r of ranks) io.to(players.get(r.playerId).socketId).emit('game:over', { podium, me: r, total: ranks.length, endReason: 'completed' });
  host?.emit('game:over', { podium, leaderboard: ranks, endReason: 'completed' });
}

io.on('connection', (socket) => {
  socket.on('host:attach', (_p, ack) => {
    host = socket;
    ack(ok({ phase }));
  });
  for (const command of ['host:start', 'host:next']) {
    socket.on(command, (_p, ack) => {
      if (phase === 'lobby' || phase === 'leaderboard') openQuestion(index + 1);
      else if (phase === 'reveal' && index === QUESTIONS - 1) gameOver();
      else if (phase === 'reveal') {
        phase = 'leaderboard';
        const ranks = ranked();
        io.to('game').emit('leaderboard:update', { top: ranks.slice(0, 10), total: ranks.length });
      }
      ack(ok({ phase, index }));
    });
  }
  socket.on('player:join', (payload, ack) => {
    const id = `p${players.size}`;
    players.set(id, { id, nickname: payload.nickname, score: 0, socketId: socket.id });
    socket.data.id = id;
    socket.join('game');
    lobbyDirty.push({ playerId: id, nickname: payload.nickname });
    lobbyTimer ??= setTimeout(() => {
      lobbyTimer = null;
      host?.emit('lobby:update', { added: lobbyDirty, removed: [], count: players.size });
      lobbyDirty = [];
    }, 200);
    ack(ok({ gameId: 'bare', playerId: id, playerToken: `bare.${id}`, snapshot: { phase, me: { rank: 1, score: 0 } } }));
  });
  socket.on('player:answer', (payload, ack) => {
    const id = socket.data.id;
    if (phase !== 'question' || payload.questionIndex !== index) return ack({ ok: false, error: { code: 'NOT_OPEN' } });
    if (!answered.has(id)) {
      answered.add(id);
      if (payload.answer === 0) players.get(id).score += 1000;
    }
    ack(ok({ received: true }));
    if (answered.size === players.size) reveal();
  });
});

http.listen(PORT, '127.0.0.1', () => process.stdout.write(`bare socket.io listening on ${PORT}\n`));
process.on('SIGTERM', () => process.exit(0));
