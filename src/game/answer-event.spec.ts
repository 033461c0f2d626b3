import 'reflect-metadata';
import { describe, expect, jest, test } from '@jest/globals';
import { BOUND_BY_GATEWAY, GameIoAdapter } from './game-io.adapter.js';
import { GameGateway } from './game.gateway.js';

/** The gateway with only what `player:answer` uses: the runner's `answer`. */
function gatewayWith(answer: (...args: unknown[]) => Promise<unknown>): GameGateway {
  const runner = { answer };
  return new GameGateway(runner as never, {} as never, {} as never, {} as never, {} as never);
}

function socketOf(session?: object) {
  const emitted: unknown[][] = [];
  return { socket: { id: 's1', data: { session }, emit: (...args: unknown[]) => emitted.push(args) }, emitted };
}

/** Sends `player:answer` as socket.io would hand it to the listener: the payload, then the ack if the client asked for one. */
async function send(gateway: GameGateway, socket: object, args: unknown[]): Promise<void> {
  await (gateway as unknown as { answerEvent(socket: object, args: unknown[]): Promise<void> }).answerEvent(socket, args);
}

const player = { role: 'player', gameId: 'g1', playerId: 'p1' };

describe('player:answer, bound on the socket', () => {
  test('a valid answer reaches the runner and is acknowledged', async () => {
    const answer = jest.fn(async (..._args: unknown[]) => ({ received: true }));
    const { socket } = socketOf(player);
    const ack = jest.fn();
    await send(gatewayWith(answer), socket, [{ questionIndex: 2, answer: [1, 0] }, ack]);
    expect(answer).toHaveBeenCalledWith('g1', 'p1', 2, [1, 0]);
    expect(ack).toHaveBeenCalledWith({ ok: true, data: { received: true } });
  });

  test('a bad payload is INVALID_PAYLOAD and never reaches the runner', async () => {
    const answer = jest.fn(async (..._args: unknown[]) => ({ received: true }));
    const ack = jest.fn();
    await send(gatewayWith(answer), socketOf(player).socket, [{ questionIndex: -1, answer: 1, extra: 1 }, ack]);
    expect(answer).not.toHaveBeenCalled();
    expect(ack).toHaveBeenCalledWith({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', message: 'property extra should not exist; questionIndex must not be less than 0' },
    });
  });

  test('a socket that is no player is NOT_PLAYER; a runner refusal keeps its code', async () => {
    const ack = jest.fn();
    await send(
      gatewayWith(async () => ({ received: true })),
      socketOf().socket,
      [{ questionIndex: 0, answer: 1 }, ack],
    );
    expect(ack).toHaveBeenCalledWith({ ok: false, error: expect.objectContaining({ code: 'NOT_PLAYER' }) });
    const { GameError } = await import('../common/game-error.js');
    const late = jest.fn();
    await send(
      gatewayWith(async () => Promise.reject(new GameError('TOO_LATE'))),
      socketOf(player).socket,
      [{ questionIndex: 0, answer: 1 }, late],
    );
    expect(late).toHaveBeenCalledWith({ ok: false, error: expect.objectContaining({ code: 'TOO_LATE' }) });
  });

  test('without an ack, a failure is the exception event naming player:answer', async () => {
    const { socket, emitted } = socketOf(player);
    await send(
      gatewayWith(async () => ({ received: true })),
      socket,
      ['nonsense'],
    );
    expect(emitted).toEqual([['exception', expect.objectContaining({ event: 'player:answer', code: 'INVALID_PAYLOAD' })]]);
  });

  test('an unexpected failure is INTERNAL_ERROR, with no internals in the ack', async () => {
    const ack = jest.fn();
    await send(
      gatewayWith(async () => Promise.reject(new Error('disk on fire'))),
      socketOf(player).socket,
      [{ questionIndex: 0, answer: 1 }, ack],
    );
    expect(ack).toHaveBeenCalledWith({ ok: false, error: { code: 'INTERNAL_ERROR', message: expect.not.stringContaining('disk') } });
  });
});

describe('GameIoAdapter', () => {
  test('leaves player:answer to the gateway and binds every other handler', () => {
    const bound: string[] = [];
    const socket = { on: (event: string) => bound.push(event) };
    const handler = (message: string) => ({ message, methodName: message, callback: () => undefined });
    new GameIoAdapter().bindMessageHandlers(socket as never, [handler('player:join'), handler('player:answer'), handler('host:next')] as never);
    expect(bound).toEqual(['player:join', 'host:next']);
    expect([...BOUND_BY_GATEWAY]).toEqual(['player:answer']);
  });
});
