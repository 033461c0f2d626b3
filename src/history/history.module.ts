import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { RedisConnection } from '../redis/redis-connection.js';
import { FileHistoryStore } from './file-history.store.js';
import { HistoryController } from './history.controller.js';
import { HistoryOutbox } from './history-outbox.js';
import { HistoryStore } from './history-store.js';
import { HistoryService } from './history.service.js';
import { RedisHistoryStore } from './redis-history.store.js';

/** History in Redis when REDIS_URL is set, else in files under DATA_DIR (the embedded default). */
@Module({
  controllers: [HistoryController],
  providers: [
    {
      provide: HistoryStore,
      inject: [AppConfig, RedisConnection],
      useFactory: (config: AppConfig, redis: RedisConnection) =>
        redis.enabled ? new RedisHistoryStore(redis.create('history')) : new FileHistoryStore(config),
    },
    HistoryService,
    HistoryOutbox,
  ],
  exports: [HistoryStore, HistoryOutbox],
})
export class HistoryModule {}
