// Run before `npm test`: the tests talk to a real Redis on 127.0.0.1:6379 and drive
// Debian's Chromium. Starts Redis if nothing answers there (the same way CI does),
// and says plainly what to install when something is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Socket } from 'node:net';

const TEST_REDIS_PORT = 6379;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function redisAnswers() {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(TEST_REDIS_PORT, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

if (!(await redisAnswers())) {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (found.error) {
    console.error('The tests need Redis: install it (apt-get install redis-server) or start one on 127.0.0.1:6379.');
    process.exit(1);
  }
  execFileSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(TEST_REDIS_PORT), '--save', '', '--appendonly', 'no']);
  for (let i = 0; i < 50 && !(await redisAnswers()); i++) await new Promise((r) => setTimeout(r, 100));
  console.log(`Started redis-server on 127.0.0.1:${TEST_REDIS_PORT} for the tests.`);
}

if (!existsSync(CHROMIUM)) {
  console.error(`The browser tests need Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}
