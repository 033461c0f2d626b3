import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ERROR_MESSAGES } from '../game/engine/game-error.js';
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
    const request = context.switchToHttp().getRequest<Request>();
    const who = this.limits.requester(request);
    await this.limits.beforeAuth(who);
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const header = request.headers['x-teacher-key'];
    const candidate = bearer ?? (typeof header === 'string' ? header : undefined);
    if (this.key.matches(candidate)) return true;
    // Only a key that was sent and is wrong counts: a page that has no key yet is not guessing.
    if (candidate) await this.limits.authFailed(who);
    throw new UnauthorizedException({ error: { code: 'UNAUTHORIZED', message: ERROR_MESSAGES.UNAUTHORIZED } });
  }
}
