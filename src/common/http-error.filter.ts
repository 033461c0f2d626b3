import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { FaultLog } from './fault-log.js';
import { RateLimited } from './limits/rate-limited.js';
import { ERRORS, type ErrorCode } from '../protocol/errors.js';
import { GameError } from './game-error.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_PAYLOAD: 400,
  UNAUTHORIZED: 401,
  GAME_NOT_FOUND: 404,
  DECK_NOT_FOUND: 404,
  PLAYER_NOT_FOUND: 404,
  NOT_ENOUGH_QUESTIONS: 422,
  DECK_EXISTS: 409,
  DECK_UNUSABLE: 422,
  RATE_LIMITED: 429,
  TRY_AGAIN: 503,
  INTERNAL_ERROR: 500,
};

/** REST errors share the socket acks' shape: {"error": {"code", "message"}}. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly faults = new FaultLog(new Logger('Http'));

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof GameError) {
      if (exception.code === 'TRY_AGAIN') response.setHeader('Retry-After', '1');
      if (exception instanceof RateLimited) response.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterMs / 1000))));
      response.status(STATUS[exception.code] ?? 409).json({ error: { code: exception.code, message: exception.message } });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const shaped = typeof body === 'object' && 'error' in body && typeof body.error === 'object';
      response.status(status).json(shaped ? body : { error: { code: httpCode(status), message: exception.message } });
      return;
    }
    this.faults.report(`${host.switchToHttp().getRequest<{ method?: string }>().method ?? ''} request`, exception);
    response.status(500).json({ error: { code: 'INTERNAL_ERROR', message: ERRORS.INTERNAL_ERROR.message } });
  }
}

function httpCode(status: number): string {
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status < 500) return 'INVALID_PAYLOAD';
  return 'INTERNAL_ERROR';
}
