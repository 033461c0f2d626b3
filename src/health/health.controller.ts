import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ReadinessIndicators } from './readiness.indicators.js';

/**
 * `/health` and `/health/live`: the process answers (for restarts by a
 * supervisor). `/health/ready`: it can take work — 503 while Redis or the
 * journal cannot be written, DATA_DIR is nearly full, finished games wait to
 * be stored in history, or the server is shutting down.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly checks: HealthCheckService,
    private readonly indicators: ReadinessIndicators,
  ) {}

  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.checks.check([
      () => this.indicators.serving(),
      () => this.indicators.liveStore(),
      () => this.indicators.disk(),
      () => this.indicators.history(),
    ]);
  }
}
