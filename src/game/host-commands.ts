import { WsException } from '@nestjs/websockets';
import type { HostCommandEvent, NoPayload, PayloadOf } from '../protocol/index.js';
import { HostKickDto, HostKickManyDto, HostLockDto } from './dto/game-events.dto.js';
import * as engine from './engine/index.js';
import type { GameEvent, GameState } from './engine/index.js';

/**
 * One row per host command: what its payload must look like and which engine
 * transition it applies. The gateway registers one handler per row (see
 * `subscribeHostCommands`); every command is answered with the `HostSnapshot`
 * after it, and from a socket that is not a host with NOT_HOST.
 */
export interface HostCommand<E extends HostCommandEvent> {
  /** The class-validator DTO of the payload (INVALID_PAYLOAD when it does not fit); `null` for an event without data. */
  dto: PayloadOf<E> extends NoPayload ? null : new () => PayloadOf<E>;
  /** A refusal class-validator cannot express, checked right after it (before the host check), as INVALID_PAYLOAD. */
  check?: (payload: PayloadOf<E>) => string | null;
  /** The change to the game, applied by the runner in the game's transaction. */
  apply: (game: GameState, now: number, payload: PayloadOf<E>) => GameEvent[];
}

export const HOST_COMMANDS: { readonly [E in HostCommandEvent]: HostCommand<E> } = {
  'host:start': { dto: null, apply: (game, now) => engine.startGame(game, now) },
  'host:next': { dto: null, apply: (game, now) => engine.advance(game, now) },
  'host:skip': { dto: null, apply: (game) => engine.skipQuestion(game) },
  'host:pause': { dto: null, apply: (game, now) => engine.pauseGame(game, now) },
  'host:resume': { dto: null, apply: (game, now) => engine.resumeGame(game, now) },
  'host:kick': { dto: HostKickDto, apply: (game, now, { playerId }) => engine.kickPlayer(game, playerId, now) },
  /** Removes the listed players, or everyone who joined in the last `joinedWithinSec` seconds. */
  'host:kick-many': {
    dto: HostKickManyDto,
    check: ({ playerIds, joinedWithinSec }) =>
      (playerIds === undefined) === (joinedWithinSec === undefined) ? 'give either playerIds or joinedWithinSec' : null,
    apply: (game, now, { playerIds, joinedWithinSec = 0 }) =>
      engine.kickPlayers(game, playerIds ? { playerIds } : { joinedSince: now - joinedWithinSec * 1000 }, now),
  },
  'host:lock': { dto: HostLockDto, apply: (game, _now, { locked }) => engine.setLocked(game, locked) },
  'host:end': { dto: null, apply: (game, now) => engine.endGame(game, now) },
};

export const HOST_COMMAND_EVENTS = Object.keys(HOST_COMMANDS) as HostCommandEvent[];

/** Runs a row's own check; its refusal is the same INVALID_PAYLOAD the validation pipe gives. */
export function checkHostCommand<E extends HostCommandEvent>(event: E, payload: PayloadOf<E>): void {
  const problem = HOST_COMMANDS[event].check?.(payload) ?? null;
  if (problem !== null) throw new WsException({ code: 'INVALID_PAYLOAD', message: problem });
}
