import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { wsValidationPipe } from '../common/validation.js';
import { CLIENT_EVENTS } from './client-events.js';
import { NoPayloadPipe } from './dto/game-events.dto.js';
import { GameGateway } from './game.gateway.js';

/** Nest's parameter metadata of a gateway handler: `"<paramtype>:<index>" → {index, pipes}`. */
function paramsOf(method: string): Array<{ index: number; pipes: unknown[] }> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, GameGateway, method) ?? {}) as Record<string, { index: number; pipes: unknown[] }>;
  return Object.values(args).sort((a, b) => a.index - b.index);
}

/** Handlers by the event they answer (a method's `message` metadata). */
function handlers(): Map<string, string> {
  const prototype = GameGateway.prototype as unknown as Record<string, unknown>;
  const found = new Map<string, string>();
  for (const name of Object.getOwnPropertyNames(GameGateway.prototype)) {
    const method = prototype[name];
    const message: unknown = typeof method === 'function' ? Reflect.getMetadata('message', method) : undefined;
    if (typeof message === 'string') found.set(message, name);
  }
  return found;
}

describe('the gateway validates every payload', () => {
  test('every client event has a handler whose payload parameter runs the validation pipe first', () => {
    const byEvent = handlers();
    expect([...byEvent.keys()].sort()).toEqual([...CLIENT_EVENTS].sort());
    for (const [event, method] of byEvent) {
      const params = paramsOf(method);
      const withPipes = params.filter((p) => p.pipes.length > 0);
      // Only the payload has pipes: the socket parameter is not run through validation.
      expect({ event, pipes: withPipes.length }).toEqual({ event, pipes: 1 });
      const pipes = withPipes[0]?.pipes ?? [];
      expect({ event, first: pipes[0] }).toEqual({ event, first: wsValidationPipe });
      if (pipes.length > 1) expect(pipes.slice(1)).toEqual([NoPayloadPipe]);
    }
  });
});
