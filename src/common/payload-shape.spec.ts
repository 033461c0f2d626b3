import { describe, expect, test } from '@jest/globals';
import { MAX_PAYLOAD_DEPTH, MAX_PAYLOAD_NODES, payloadShapeProblem } from './payload-shape.js';

describe('payloadShapeProblem', () => {
  test('every real event payload passes', () => {
    for (const payload of [
      undefined,
      null,
      'text',
      { pin: '123456', nickname: 'Ana' },
      { questionIndex: 2, answer: [0, 3, 1] },
      { playerIds: Array.from({ length: 500 }, () => 'AAAAAAAAAAAA') },
      { deckId: 'd', questionCount: 3, sections: ['1. A'], multipliers: [1, 2, 0] },
    ]) {
      expect(payloadShapeProblem(payload)).toBeNull();
    }
  });

  test('deep nesting is refused without recursion, however deep', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(payloadShapeProblem(deep)).toMatch(/nested deeper/);
    let nested: unknown = 1;
    for (let i = 0; i <= MAX_PAYLOAD_DEPTH; i++) nested = { a: nested };
    expect(payloadShapeProblem(nested)).toMatch(/nested deeper/);
    expect(payloadShapeProblem((nested as { a: unknown }).a)).toBeNull();
  });

  test('too many values are refused', () => {
    expect(payloadShapeProblem({ a: Array.from({ length: MAX_PAYLOAD_NODES + 1 }, () => 0) })).toMatch(/more than/);
  });

  test('prototype keys are refused wherever they are', () => {
    for (const json of ['{"__proto__":{"x":1}}', '{"a":[{"constructor":1}]}', '{"a":{"b":{"prototype":null}}}']) {
      expect(payloadShapeProblem(JSON.parse(json))).toMatch(/should not exist/);
    }
  });
});
