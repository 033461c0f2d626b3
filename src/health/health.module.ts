import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { GameModule } from '../game/game.module.js';
import { HistoryModule } from '../history/history.module.js';
import { DrainState } from './drain-state.js';
import { HealthController } from './health.controller.js';
import { ReadinessIndicators } from './readiness.indicators.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), GameModule, HistoryModule],
  controllers: [HealthController],
  providers: [DrainState, ReadinessIndicators],
  exports: [DrainState],
})
export class HealthModule {}
