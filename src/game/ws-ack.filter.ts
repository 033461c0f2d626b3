import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { FaultLog } from '../common/fault-log.js';
import { GameError } from '../common/game-error.js';
import { ERRORS, type Ack, type ErrorCode } from '../protocol/index.js';

export function toAckError(exception: unknown): Ack<never> {
  if (exception instanceof GameError) return { ok: false, error: { code: exception.code, message: exception.message } };
  if (exception instanceof WsException) {
    const err = exception.getError();
    if (typeof err === 'object' && 'code' in err && 'message' in err) {
      return { ok: false, error: { code: err.code as ErrorCode, message: String(err.message) } };
    }
    return { ok: false, error: { code: 'INVALID_PAYLOAD', message: typeof err === 'string' ? err : 'invalid payload' } };
  }
  return { ok: false, error: { code: 'INTERNAL_ERROR', message: ERRORS.INTERNAL_ERROR.message } };
}

/**
 * Every failure of a socket event becomes its ack `{ok:false, error}`;
 * internals are logged, never sent. An event sent without an ack gets the
 * same error as an `exception` event.
 */
@Catch()
export class WsAckExceptionFilter implements ExceptionFilter {
  private readonly faults = new FaultLog(new Logger('GameGateway'));

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = toAckError(exception);
    if (!reply.ok && reply.error.code === 'INTERNAL_ERROR') this.faults.report(`event ${host.switchToWs().getPattern()}`, exception);
    const ack = host.getArgs().find((arg) => typeof arg === 'function') as ((r: unknown) => void) | undefined;
    if (ack) {
      ack(reply);
      return;
    }
    const socket = host.switchToWs().getClient<Socket>();
    if (!reply.ok) socket.emit('exception', { event: host.switchToWs().getPattern(), ...reply.error });
  }
}
