import { describe, expect, it } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import type { ErrorCode } from '../protocol/errors.js';
import { GameError } from './game-error.js';
import { HttpErrorFilter } from './http-error.filter.js';

/** The status and body the filter writes for one exception, through a minimal response. */
function answer(exception: unknown): { status: number; body: unknown; headers: Record<string, string> } {
  const sent = { status: 0, body: undefined as unknown, headers: {} as Record<string, string> };
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ method: 'GET' }) }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return sent;
}

describe('HttpErrorFilter', () => {
  it.each<[ErrorCode, number]>([
    ['INVALID_PAYLOAD', 400],
    ['UNAUTHORIZED', 401],
    ['GAME_NOT_FOUND', 404],
    ['NOT_ENOUGH_QUESTIONS', 422],
    ['RATE_LIMITED', 429],
    ['INTERNAL_ERROR', 500],
    ['TRY_AGAIN', 503],
    ['WRONG_PHASE', 409],
  ])('answers %s with %i and the stable code', (code, status) => {
    const sent = answer(new GameError(code));
    expect(sent.status).toBe(status);
    expect(sent.body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('tells a client when to retry TRY_AGAIN', () => {
    expect(answer(new GameError('TRY_AGAIN')).headers['Retry-After']).toBe('1');
  });

  it('never sends the details of an unexpected fault', () => {
    const sent = answer(new Error('secret internals at /srv/app.js:12'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });
});
