import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ERRORS } from '../protocol/errors.js';
import { RequestLimits } from '../common/limits/request-limits.js';
import { TeacherKey } from './teacher-key.service.js';

/**
 * Teacher-only routes take the key as "Authorization: Bearer <key>" or
 * "X-Teacher-Key: <key>". Wrong keys are counted per address: past the limit,
 * that address gets 429 RATE_LIMITED (even with the right key) until the
 * window passes, so the key cannot be guessed at speed.
 */
@Injectable()
export class TeacherKeyGuard implements CanActivate {
  constructor(
    private readonly key: TeacherKey,
    private readonly limits: RequestLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.check(context.switchToHttp().getRequest<IncomingMessage>());
    return true;
  }

  /** Resolves for the right key; throws RATE_LIMITED or UNAUTHORIZED otherwise (also used before a large body is read). */
  async check(request: Pick<IncomingMessage, 'headers' | 'socket'>): Promise<void> {
    const who = this.limits.requester(request);
    await this.limits.beforeAuth(who);
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const header = request.headers['x-teacher-key'];
    const candidate = bearer ?? (typeof header === 'string' ? header : undefined);
    if (this.key.matches(candidate)) return;
    // Only a key that was sent and is wrong counts: a page that has no key yet is not guessing.
    if (candidate) await this.limits.authFailed(who);
    throw new UnauthorizedException({ error: { code: 'UNAUTHORIZED', message: ERRORS.UNAUTHORIZED.message } });
  }
}
