import { describe, expect, test } from '@jest/globals';
import { PacedSends } from './paced-sends.js';

describe('PacedSends', () => {
  test('sends at once while the turn has budget, then one budget per turn, in order', async () => {
    const paced = new PacedSends(10);
    const sent: string[] = [];
    const turns: number[] = [];
    // Counts turns of the event loop: armed before any send, so it runs first in every turn.
    let turn = 0;
    let counting = true;
    const tick = () => {
      turn += 1;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    for (let i = 0; i < 25; i++) paced.send('g', 1, () => (sent.push(`m${i}`), turns.push(turn)));
    expect(sent).toHaveLength(10);
    await paced.settled('g');
    counting = false;
    expect(sent).toEqual(Array.from({ length: 25 }, (_, i) => `m${i}`));
    // At most the budget in any one turn.
    const perTurn = new Map<number, number>();
    for (const t of turns) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(10);
  });

  test("a game's small send waits behind its queued ones; another game's does not wait for them", async () => {
    const paced = new PacedSends(4);
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) paced.send('big', 2, () => sent.push(`big${i}`));
    paced.send('big', 1, () => sent.push('after'));
    expect(sent).toEqual(['big0', 'big1']);
    await paced.settled('big');
    expect(sent).toEqual(['big0', 'big1', 'big2', 'after']);
    paced.send('other', 1, () => sent.push('other'));
    expect(sent.at(-1)).toBe('other');
  });

  test('a send larger than the budget goes alone in its turn; settled resolves at once for an idle game', async () => {
    const paced = new PacedSends(4);
    const sent: number[] = [];
    paced.send('g', 1, () => sent.push(1));
    paced.send('g', 9, () => sent.push(9));
    expect(sent).toEqual([1]);
    await paced.settled('g');
    expect(sent).toEqual([1, 9]);
    await expect(paced.settled('idle')).resolves.toBeUndefined();
  });

  test('a send that throws is reported and the ones behind it still go', async () => {
    const errors: unknown[] = [];
    const paced = new PacedSends(1, (err) => errors.push(err));
    const sent: number[] = [];
    paced.send('g', 1, () => sent.push(0));
    paced.send('g', 1, () => {
      throw new Error('boom');
    });
    paced.send('g', 1, () => sent.push(2));
    await paced.settled('g');
    expect(sent).toEqual([0, 2]);
    expect(errors).toHaveLength(1);
  });
});
