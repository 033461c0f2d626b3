// The baseline: a bare socket.io server with the same message pattern as a game
// (ack per join and answer, one room broadcast per phase change, one result per
// player per reveal), and no game logic at all. The bench runs both side by side.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

export function startBareServer() {
  const http = createServer();
  const io = new Server(http, { perMessageDeflate: false, maxHttpBufferSize: 4096 });
  const players = new Map();
  let answers = 0;
  io.on('connection', (socket) => {
    socket.on('player:join', (payload, ack) => {
      players.set(socket.id, { score: 0 });
      socket.join('game');
      ack({ ok: true, data: { playerId: socket.id, snapshot: { phase: 'lobby' } } });
    });
    socket.on('player:answer', (payload, ack) => {
      answers += 1;
      ack({ ok: true, data: { received: true } });
    });
  });
  return new Promise((resolve) => {
    http.listen(0, '127.0.0.1', () => {
      const { port } = http.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        open(index) {
          answers = 0;
          io.to('game').emit('question:open', { index, total: 1, type: 'single', prompt: 'Bench', options: ['a', 'b', 'c', 'd'], remainingMs: 20000 });
        },
        reveal(index) {
          io.to('game').emit('question:reveal', { index, correct: [0] });
          for (const [id, p] of players) io.to(id).emit('player:result', { index, score: p.score });
        },
        answers: () => answers,
        close: () => new Promise((r) => { io.close(); http.close(() => r()); }),
      });
    });
  });
}
