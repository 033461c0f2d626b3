import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { GameModule } from '../game/game.module.js';
import { HistoryModule } from '../history/history.module.js';
import { AckWatch } from './ack-watch.js';
import { HttpLogging, HttpLoggingModule, loggingParams } from './logging.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { SocketLogging } from './socket-logging.js';

@Module({
  imports: [
    HttpLoggingModule,
    LoggerModule.forRootAsync({ imports: [HttpLoggingModule], inject: [HttpLogging], useFactory: (http: HttpLogging) => loggingParams(http) }),
    GameModule,
    HistoryModule,
  ],
  controllers: [MetricsController],
  providers: [AckWatch, MetricsService, SocketLogging],
  exports: [MetricsService],
})
export class ObservabilityModule {}
