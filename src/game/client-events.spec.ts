import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { CLIENT_EVENTS } from './client-events.js';
import { GameGateway } from './game.gateway.js';

/** The events the gateway has a handler for, as Nest reads them from `@SubscribeMessage`. */
function handledEvents(): string[] {
  const prototype = GameGateway.prototype as unknown as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .map((name) => prototype[name])
    .filter((member): member is object => typeof member === 'function')
    .map((handler) => Reflect.getMetadata('message', handler) as unknown)
    .filter((event): event is string => typeof event === 'string');
}

describe('client events', () => {
  test('every handler is listed and every listed event has a handler: none answers UNKNOWN_EVENT while it runs', () => {
    expect(handledEvents().sort()).toEqual([...CLIENT_EVENTS].sort());
  });
});
