import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startApp, type RunningApp } from './support/e2e-app.js';
import { ClientPool, QuizClient } from './support/quiz-client.js';
import { ifStarted } from './support/teardown.js';

/**
 * Every socket has its own event budget (40 per 2 s), so a student who opens
 * sockets by the thousand multiplies it and takes every class's CPU and
 * memory. Open connections are capped per address (loopback peers send
 * X-Forwarded-For, as the proxy in front of a school server does).
 */
const LIMIT = 12;
let server: RunningApp;
const pool = new ClientPool();
beforeAll(async () => {
  server = await startApp({ MAX_CONNECTIONS_PER_ADDRESS: String(LIMIT) });
});
afterAll(async () => {
  pool.closeAll();
  await ifStarted(server)?.close();
});

const from = (address: string) => ({ extraHeaders: { 'x-forwarded-for': address } });

async function tryConnect(address: string): Promise<QuizClient | string> {
  try {
    return await pool.connect(server.url, from(address));
  } catch (err) {
    return (err as Error).message;
  }
}

describe('connections per address', () => {
  test('an address gets a bounded number of open connections; other addresses and closed slots are unaffected', async () => {
    const opened: QuizClient[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const client = await tryConnect('10.1.2.3');
      expect(typeof client).not.toBe('string');
      opened.push(client as QuizClient);
    }
    expect(typeof (await tryConnect('10.1.2.3'))).toBe('string');
    // The handshake's refusal says why (read over long-polling, where the body is visible).
    const handshake = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { 'x-forwarded-for': '10.1.2.3' } });
    expect(handshake.status).toBe(403);
    expect(((await handshake.json()) as { message: string }).message).toMatch(/TOO_MANY_CONNECTIONS.*MAX_CONNECTIONS_PER_ADDRESS/);
    // A classmate on another address still gets in.
    expect(typeof (await tryConnect('10.1.2.4'))).not.toBe('string');
    // A connection that closes frees its place.
    opened[0]!.socket.close();
    let again: QuizClient | string = 'not tried';
    for (let attempt = 0; attempt < 50 && typeof again === 'string'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await tryConnect('10.1.2.3');
    }
    expect(typeof again).not.toBe('string');
  });

  test('this machine itself (a local tool, the benchmark) is not capped', async () => {
    const clients = await Promise.all(Array.from({ length: LIMIT + 3 }, () => pool.connect(server.url)));
    expect(clients.every((c) => c.socket.connected)).toBe(true);
  });
});
