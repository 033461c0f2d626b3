import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { RedisConnection } from '../../redis/redis-connection.js';
import { BankStore } from './bank-store.js';
import { FileBankStore } from './file-bank.store.js';
import { RedisBankStore } from './redis-bank.store.js';

/** Decks and overlays in Redis when REDIS_URL is set, else in files under DATA_DIR. */
@Module({
  providers: [
    {
      provide: BankStore,
      inject: [AppConfig, RedisConnection],
      useFactory: async (config: AppConfig, redis: RedisConnection): Promise<BankStore> => {
        if (redis.enabled) return new RedisBankStore(redis.create('bank'));
        const store = new FileBankStore(config.DATA_DIR);
        await store.load();
        return store;
      },
    },
  ],
  exports: [BankStore],
})
export class BankStoreModule {}
