import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { WsException } from '@nestjs/websockets';
import { everyTypeRound, testSettings } from '../../test/support/fixtures.js';
import { CLIENT_EVENTS } from './client-events.js';
import * as engine from './engine/index.js';
import { GameGateway } from './game.gateway.js';
import { checkHostCommand, HOST_COMMAND_EVENTS, HOST_COMMANDS } from './host-commands.js';

const T0 = 1_000_000;

function lobbyWithTwo(): engine.GameState {
  const game = engine.newGame({ id: 'g1', pin: '123456', hostSecretHash: 'x', settings: testSettings(), questions: everyTypeRound() }, T0);
  engine.addPlayer(game, 'ana', 'Ana', T0);
  engine.addPlayer(game, 'beto', 'Beto', T0 + 50_000);
  return game;
}

/** What Nest reads to build a handler: the event it answers and the class the validation pipe checks the payload against. */
function handlerOf(event: string): { message: unknown; payloadType: unknown } {
  const prototype = GameGateway.prototype as unknown as Record<string, unknown>;
  const handler = prototype[event];
  if (typeof handler !== 'function') return { message: undefined, payloadType: undefined };
  const paramTypes = Reflect.getMetadata('design:paramtypes', GameGateway.prototype, event) as unknown[] | undefined;
  return { message: Reflect.getMetadata('message', handler) as unknown, payloadType: paramTypes?.[1] };
}

describe('host commands table', () => {
  test('the table holds every host command of the protocol, and nothing else', () => {
    const hostCommands = [...CLIENT_EVENTS].filter((event) => event.startsWith('host:') && event !== 'host:attach');
    expect([...HOST_COMMAND_EVENTS].sort()).toEqual(hostCommands.sort());
  });

  test.each(HOST_COMMAND_EVENTS)('%s is a gateway handler whose payload is validated against its DTO', (event) => {
    expect(handlerOf(event)).toEqual({ message: event, payloadType: HOST_COMMANDS[event].dto ?? Object });
  });

  test('host:kick-many needs exactly one of playerIds and joinedWithinSec: INVALID_PAYLOAD otherwise', () => {
    const refusal = (payload: object) => {
      try {
        checkHostCommand('host:kick-many', payload);
        return null;
      } catch (err) {
        return err instanceof WsException ? err.getError() : err;
      }
    };
    expect(refusal({})).toEqual({ code: 'INVALID_PAYLOAD', message: 'give either playerIds or joinedWithinSec' });
    expect(refusal({ playerIds: ['AAAAAAAAAAAA'], joinedWithinSec: 60 })).toEqual({
      code: 'INVALID_PAYLOAD',
      message: 'give either playerIds or joinedWithinSec',
    });
    expect(refusal({ joinedWithinSec: 60 })).toBeNull();
    expect(refusal({ playerIds: ['AAAAAAAAAAAA'] })).toBeNull();
  });

  test('rows apply their engine change with the payload: kick-many reaches back joinedWithinSec from now', () => {
    const game = lobbyWithTwo();
    HOST_COMMANDS['host:kick-many'].apply(game, T0 + 60_000, { joinedWithinSec: 30 });
    expect(Object.values(game.players).map((p) => [p.nickname, p.kicked])).toEqual([
      ['Ana', false],
      ['Beto', true],
    ]);
    HOST_COMMANDS['host:lock'].apply(game, T0 + 60_000, { locked: true });
    expect(game.locked).toBe(true);
    HOST_COMMANDS['host:start'].apply(game, T0 + 61_000, undefined);
    expect(game.phase).not.toBe('lobby');
  });
});
