import { describe, expect, test } from '@jest/globals';
import { PacedSends } from './paced-sends.js';
import { countTurns } from '../../test/support/turn-counter.js';

/** A clock that each send moves on by 1 ms: a budget of 10 ms is 10 sends per turn. */
function costlyClock() {
  let t = 0;
  return { now: () => t, spend: () => (t += 1) };
}

describe('PacedSends', () => {
  test('sends at once while the turn has budget, then a budget per turn, in order', async () => {
    const clock = costlyClock();
    const paced = new PacedSends(10, undefined, clock.now);
    const sent: string[] = [];
    const turns: number[] = [];
    const loop = countTurns();
    for (let i = 0; i < 25; i++) paced.send('g', () => (clock.spend(), sent.push(`m${i}`), turns.push(loop.turn)));
    expect(sent).toHaveLength(10);
    await paced.settled('g');
    loop.stop();
    expect(sent).toEqual(Array.from({ length: 25 }, (_, i) => `m${i}`));
    const perTurn = new Map<number, number>();
    for (const t of turns) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    expect([...perTurn.values()]).toEqual([10, 10, 5]);
  });

  test("a game's send waits behind its queued ones; another game's does not wait for them", async () => {
    const clock = costlyClock();
    const paced = new PacedSends(2, undefined, clock.now);
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) paced.send('big', () => (clock.spend(), sent.push(`big${i}`)));
    expect(sent).toEqual(['big0', 'big1']);
    await paced.settled('big');
    expect(sent).toEqual(['big0', 'big1', 'big2']);
    paced.send('other', () => sent.push('other'));
    expect(sent.at(-1)).toBe('other');
    await expect(paced.settled('idle')).resolves.toBeUndefined();
  });

  test('a send that throws is reported and the ones behind it still go', async () => {
    const errors: unknown[] = [];
    const clock = costlyClock();
    const paced = new PacedSends(1, (err) => errors.push(err), clock.now);
    const sent: number[] = [];
    paced.send('g', () => (clock.spend(), sent.push(0)));
    paced.send('g', () => {
      throw new Error('boom');
    });
    paced.send('g', () => sent.push(2));
    await paced.settled('g');
    expect(sent).toEqual([0, 2]);
    expect(errors).toHaveLength(1);
  });
});
