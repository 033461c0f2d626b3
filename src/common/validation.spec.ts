import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import type { ArgumentMetadata } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { HostAttachDto, HostKickDto, HostKickManyDto, HostLockDto, PlayerAnswerDto, PlayerJoinDto, PlayerResumeDto } from '../game/dto/game-events.dto.js';
import { toAckError } from '../game/ws-ack.filter.js';
import { FLAT_VERDICTS, ShapeCheckedValidationPipe, wsValidationPipe } from './validation.js';

const SOCKET_DTOS = [PlayerJoinDto, PlayerResumeDto, PlayerAnswerDto, HostAttachDto, HostKickDto, HostKickManyDto, HostLockDto];

/** The socket pipe as it was: the same options and errors, with class-validator's async `validate`. */
const asyncTwin = new ShapeCheckedValidationPipe(
  { whitelist: true, forbidNonWhitelisted: true, transform: true, forbidUnknownValues: true },
  (message) => new WsException({ code: 'INVALID_PAYLOAD', message }),
);

/** What a client would be told: the value handed to the handler, or the ack of the refusal. */
async function outcome(pipe: ShapeCheckedValidationPipe, value: unknown, metatype: ArgumentMetadata['metatype']): Promise<unknown> {
  try {
    // 3 is Nest's WsParamtype.PAYLOAD, the type the gateway's payloads come with.
    const passed: unknown = await pipe.transform(value, { type: 3 as unknown as 'custom', metatype });
    return { passed: { ...(passed as object) } };
  } catch (err) {
    return { refused: toAckError(err) };
  }
}

/** The gateway's hot path: the flat synchronous check, or the pipe when the payload is not flat. */
async function flatOutcome(value: unknown, metatype: new () => object): Promise<unknown> {
  try {
    const passed = wsValidationPipe.transformFlatSync(value, metatype);
    if (passed === undefined) return await outcome(wsValidationPipe, value, metatype);
    expect(passed).toBeInstanceOf(metatype);
    return { passed: { ...passed } };
  } catch (err) {
    return { refused: toAckError(err) };
  }
}

describe('the socket validation pipe (synchronous)', () => {
  test('no socket DTO has an async constraint, which validateSync would skip', () => {
    const storage = getMetadataStorage();
    for (const dto of SOCKET_DTOS) {
      const metadatas = storage.getTargetValidationMetadatas(dto, '', true, false);
      expect(metadatas.length).toBeGreaterThan(0);
      for (const metadata of metadatas) {
        for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) expect(constraint.async).toBe(false);
      }
    }
  });

  test.each([
    ['a good answer', PlayerAnswerDto, { questionIndex: 2, answer: [0, 3] }],
    ['an unknown field', PlayerAnswerDto, { questionIndex: 0, answer: 1, extra: true }],
    ['a missing field', PlayerAnswerDto, { answer: 1 }],
    ['a negative index', PlayerAnswerDto, { questionIndex: -1, answer: 1 }],
    ['an answer of the wrong type', PlayerAnswerDto, { questionIndex: 0, answer: { a: 1 } }],
    ['null', PlayerAnswerDto, null],
    ['a string', PlayerAnswerDto, 'hello'],
    ['a nested __proto__', PlayerAnswerDto, JSON.parse('{"questionIndex":0,"answer":1,"__proto__":{"x":1}}') as unknown],
    ['a flat constructor key', PlayerAnswerDto, JSON.parse('{"questionIndex":0,"answer":1,"constructor":1}') as unknown],
    ['a flat __proto__ key', PlayerAnswerDto, JSON.parse('{"questionIndex":0,"answer":1,"__proto__":2}') as unknown],
    ['a deep array', PlayerAnswerDto, { questionIndex: 0, answer: [[[[[[[[1]]]]]]]] }],
    ['a good join', PlayerJoinDto, { pin: ' 123456 ', nickname: ' Ana ' }],
    ['a bad pin and nickname', PlayerJoinDto, { pin: '12', nickname: '' }],
    ['a bad device id', PlayerJoinDto, { pin: '123456', nickname: 'Ana', deviceId: 'short' }],
    ['kick-many with both', HostKickManyDto, { playerIds: ['abcdefghijkl'], joinedWithinSec: null }],
    ['a lock that is not boolean', HostLockDto, { locked: 'yes' }],
  ])('%s: the same value or the same refusal as the async pipe', async (_name, dto, value) => {
    const expected = await outcome(asyncTwin, structuredClone(value), dto);
    expect(await outcome(wsValidationPipe, structuredClone(value), dto)).toEqual(expected);
    expect(await flatOutcome(structuredClone(value), dto)).toEqual(expected);
    expect(await flatOutcome(structuredClone(value), dto)).toEqual(expected);
  });

  test('flat payloads take the synchronous path; anything else is left to the pipe', () => {
    expect(wsValidationPipe.transformFlatSync({ questionIndex: 2, answer: [0, 3] }, PlayerAnswerDto)).toBeInstanceOf(PlayerAnswerDto);
    expect(() => wsValidationPipe.transformFlatSync({ questionIndex: 2, answer: 1, extra: 1 }, PlayerAnswerDto)).toThrow(WsException);
    for (const notFlat of [null, 'x', [1], { questionIndex: 0, answer: { a: 1 } }, { questionIndex: 0, answer: [[1]] }, Object.create({ inherited: 1 })]) {
      expect(wsValidationPipe.transformFlatSync(notFlat, PlayerAnswerDto)).toBeUndefined();
    }
    // eslint-disable-next-line no-sparse-arrays -- the gap is the point
    expect(wsValidationPipe.transformFlatSync({ questionIndex: 0, answer: [1, , 2] }, PlayerAnswerDto)).toBeUndefined();
    expect(wsValidationPipe.transformFlatSync({ questionIndex: 0, answer: new Uint8Array(2) }, PlayerAnswerDto)).toBeUndefined();
    expect(asyncTwin.transformFlatSync({ questionIndex: 0, answer: 1 }, PlayerAnswerDto)).toBeUndefined();
  });

  test('a remembered verdict tells apart what class-validator tells apart, and hands out no shared array', () => {
    const pipe = new ShapeCheckedValidationPipe(
      { whitelist: true, forbidNonWhitelisted: true, transform: true, forbidUnknownValues: true },
      (message) => new WsException({ code: 'INVALID_PAYLOAD', message }),
      true,
    );
    expect(pipe.transformFlatSync({ questionIndex: 1, answer: 2 }, PlayerAnswerDto)).toEqual({ questionIndex: 1, answer: 2 });
    // Same digits, another type: the string is typed text, the numbers are option indices.
    expect(pipe.transformFlatSync({ questionIndex: 1, answer: '2' }, PlayerAnswerDto)).toEqual({ questionIndex: 1, answer: '2' });
    expect(() => pipe.transformFlatSync({ questionIndex: '1', answer: 2 }, PlayerAnswerDto)).toThrow(WsException);
    expect(Object.is(pipe.transformFlatSync({ questionIndex: -0, answer: 0 }, PlayerAnswerDto)?.questionIndex, -0)).toBe(true);
    expect(Object.is(pipe.transformFlatSync({ questionIndex: 0, answer: 0 }, PlayerAnswerDto)?.questionIndex, 0)).toBe(true);
    const first = pipe.transformFlatSync({ questionIndex: 0, answer: [1, 2] }, PlayerAnswerDto);
    (first?.answer as number[]).push(3);
    expect(pipe.transformFlatSync({ questionIndex: 0, answer: [1, 2] }, PlayerAnswerDto)?.answer).toEqual([1, 2]);
    // Past the bound, older verdicts are dropped and the check still answers right.
    for (let i = 0; i <= FLAT_VERDICTS; i++) pipe.transformFlatSync({ questionIndex: 0, answer: `text ${i}` }, PlayerAnswerDto);
    expect(() => pipe.transformFlatSync({ questionIndex: 0, answer: 'x'.repeat(10_000) }, PlayerAnswerDto)).toThrow(WsException);
  });

  test('a refusal is the INVALID_PAYLOAD ack naming the field; a good payload passes', async () => {
    expect(await outcome(wsValidationPipe, { questionIndex: -1, answer: 1 }, PlayerAnswerDto)).toEqual({
      refused: { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'questionIndex must not be less than 0' } },
    });
    expect(await outcome(wsValidationPipe, { questionIndex: 1, answer: 'x' }, PlayerAnswerDto)).toEqual({ passed: { questionIndex: 1, answer: 'x' } });
  });

  test('any payload: the same outcome as the async pipe', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SOCKET_DTOS),
        fc.oneof(
          fc.anything(),
          fc.record({ questionIndex: fc.anything(), answer: fc.anything() }, { requiredKeys: [] }),
          fc.record({ pin: fc.string(), nickname: fc.string(), deviceId: fc.string() }, { requiredKeys: ['pin'] }),
        ),
        async (dto, value) => {
          const expected = await outcome(asyncTwin, structuredClone(value), dto);
          expect(await outcome(wsValidationPipe, structuredClone(value), dto)).toEqual(expected);
          // Twice: the second answer comes from the remembered verdict.
          expect(await flatOutcome(structuredClone(value), dto)).toEqual(expected);
          expect(await flatOutcome(structuredClone(value), dto)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
