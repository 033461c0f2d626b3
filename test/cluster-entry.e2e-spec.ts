import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { freePort } from './support/built-server.js';
import { dropPrefix, TEST_REDIS_URL, testPrefix } from './support/redis.js';
import { ifStarted } from './support/teardown.js';

async function until(condition: () => boolean | Promise<boolean>, what: string, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never happened: ${what}`);
}

describe('npm run start:cluster (scripts/cluster.mjs) after an instance is killed with -9', () => {
  const prefix = testPrefix();
  let cluster: ChildProcess;
  let output = '';
  let url: string;

  beforeAll(async () => {
    const [port, app1, app2] = [await freePort(), await freePort(), await freePort()];
    url = `http://127.0.0.1:${port}`;
    cluster = spawn('node', ['scripts/cluster.mjs'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        APP1_PORT: String(app1),
        APP2_PORT: String(app2),
        PUBLIC_URL: url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: prefix,
        ALLOW_VOLATILE_REDIS: '1',
        TEACHER_KEY: 'cluster-teacher-key-0123456789',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cluster.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    cluster.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await until(() => /app1 is ready/.test(output) && /app2 is ready/.test(output), 'both instances ready', 400);
  }, 60_000);

  afterAll(async () => {
    const child = ifStarted(cluster);
    if (child?.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    await dropPrefix(prefix);
  });

  test('no request reaches the dead instance: every one of 20 answers 200, and the instance is started again', async () => {
    const pid = Number(/app1 \(pid (\d+)\)/.exec(output)![1]);
    process.kill(pid, 'SIGKILL');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await fetch(`${url}/api/decks`)).status);
    expect(statuses).toEqual(Array(20).fill(200));
    await until(() => /app1 exited/.test(output), 'the entry point saw the exit');
    await until(() => (output.match(/app1 is ready/g) ?? []).length >= 2, 'app1 ready again', 400);
  }, 60_000);
});
