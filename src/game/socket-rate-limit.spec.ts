import { describe, expect, test } from '@jest/globals';
import { GameError } from '../common/game-error.js';
import { FixedWindow, SocketLimits } from './socket-rate-limit.js';

function clock(start = 1_000_000) {
  const c = { at: start, now: () => c.at };
  return c;
}

describe('FixedWindow', () => {
  test('allows its points, refuses the next ones until the window that began with the first point ends', () => {
    const c = clock();
    const window = new FixedWindow(3, 2_000, c.now);
    expect([window.take(), window.take(), window.take(), window.take()]).toEqual([true, true, true, false]);
    c.at += 1_999;
    expect(window.take()).toBe(false);
    c.at += 1;
    expect(window.take()).toBe(true);
  });

  test('spent only while the current window has no points left', () => {
    const c = clock();
    const window = new FixedWindow(2, 60_000, c.now);
    expect(window.spent()).toBe(false);
    window.take();
    expect(window.spent()).toBe(false);
    window.take();
    expect(window.spent()).toBe(true);
    c.at += 60_000;
    expect(window.spent()).toBe(false);
  });
});

describe('SocketLimits', () => {
  test('40 events per 2 s per connection', () => {
    const c = clock();
    const limits = new SocketLimits(c.now);
    const taken = Array.from({ length: 41 }, () => limits.event());
    expect(taken.filter(Boolean)).toHaveLength(40);
    expect(taken.at(-1)).toBe(false);
    c.at += 2_000;
    expect(limits.event()).toBe(true);
  });

  test('joins are refused RATE_LIMITED after 10 wrong PINs within a minute', () => {
    const c = clock();
    const limits = new SocketLimits(c.now);
    for (let i = 0; i < 9; i++) limits.wrongPin();
    expect(() => limits.joinAllowed()).not.toThrow();
    limits.wrongPin();
    expect(() => limits.joinAllowed()).toThrow(new GameError('RATE_LIMITED'));
    c.at += 60_000;
    expect(() => limits.joinAllowed()).not.toThrow();
  });
});
