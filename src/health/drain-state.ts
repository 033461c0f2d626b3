import { Injectable } from '@nestjs/common';

/** Set when the server starts shutting down: readiness answers 503 from then on, so a load balancer stops sending work. */
@Injectable()
export class DrainState {
  private startedAt: number | null = null;

  get draining(): boolean {
    return this.startedAt !== null;
  }

  begin(now = Date.now()): void {
    this.startedAt ??= now;
  }
}
