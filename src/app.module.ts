import { Module } from '@nestjs/common';
import { TeacherKeyModule } from './auth/teacher-key.module.js';
import { ReviewModule } from './bank/review/review.module.js';
import { ClientModule } from './client.module.js';
import { ClockModule } from './common/clock/clock.module.js';
import { RequestPolicyModule } from './common/request-policy.module.js';
import { AppConfigModule } from './config/config.module.js';
import { GameModule } from './game/game.module.js';
import { HealthModule } from './health/health.module.js';
import { ObservabilityModule } from './observability/observability.module.js';
import { RedisModule } from './redis/redis.module.js';

@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    RedisModule,
    RequestPolicyModule,
    TeacherKeyModule,
    GameModule,
    ReviewModule,
    HealthModule,
    ObservabilityModule,
    ClientModule,
  ],
})
export class AppModule {}
