import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

/** The teacher secret: TEACHER_KEY, or one generated at start and printed with the host URL. */
@Injectable()
export class TeacherKey {
  readonly value: string;
  readonly generated: boolean;

  constructor(config: AppConfig) {
    this.generated = !config.TEACHER_KEY;
    this.value = config.TEACHER_KEY ?? randomBytes(18).toString('base64url');
  }

  matches(candidate: string | undefined): boolean {
    if (!candidate) return false;
    const digest = (s: string) => createHash('sha256').update(s).digest();
    return timingSafeEqual(digest(candidate), digest(this.value));
  }
}
