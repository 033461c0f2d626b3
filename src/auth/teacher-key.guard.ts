import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ERROR_MESSAGES } from '../game/engine/game-error.js';
import { TeacherKey } from './teacher-key.service.js';

/** Teacher-only routes take the key as "Authorization: Bearer <key>" or "X-Teacher-Key: <key>". */
@Injectable()
export class TeacherKeyGuard implements CanActivate {
  constructor(private readonly key: TeacherKey) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const header = request.headers['x-teacher-key'];
    const candidate = bearer ?? (typeof header === 'string' ? header : undefined);
    if (this.key.matches(candidate)) return true;
    throw new UnauthorizedException({ error: { code: 'UNAUTHORIZED', message: ERROR_MESSAGES.UNAUTHORIZED } });
  }
}
