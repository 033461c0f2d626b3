import { describe, expect, test } from '@jest/globals';
import { FaultLog } from './fault-log.js';

describe('FaultLog', () => {
  test('a repeated fault logs its stack once a minute, then says how many repeats there were', () => {
    const lines: string[] = [];
    const log = new FaultLog({ error: (line: unknown) => void lines.push(String(line)) });
    const t0 = 1_000_000;
    for (let i = 0; i < 1000; i++) log.report('change to game g', new TypeError('boom'), t0 + i);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^change to game g: TypeError: boom\n\s+at /);
    log.report('change to game g', new TypeError('boom'), t0 + 60_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/and 999 more like it/);
    log.report('change to game g', new RangeError('other'), t0 + 60_001);
    expect(lines).toHaveLength(3);
  });
});
