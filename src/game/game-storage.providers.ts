import type { Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { RedisConnection } from '../redis/redis-connection.js';
import { GameCoordinator, LocalCoordinator } from './coordination/game-coordinator.js';
import { RedisCoordinator } from './coordination/redis-coordinator.js';
import { GameStore } from './store/game-store.js';
import { MemoryGameStore } from './store/memory-game-store.js';
import { RedisGameStore } from './store/redis-game-store.js';

/** Live games in this process by default; in Redis, shared by every instance, when REDIS_URL is set. */
export const gameStorageProviders: Provider[] = [
  {
    provide: GameStore,
    inject: [RedisConnection],
    useFactory: (redis: RedisConnection) => (redis.enabled ? new RedisGameStore(redis.create('games')) : new MemoryGameStore()),
  },
  {
    provide: GameCoordinator,
    inject: [RedisConnection, GameStore, AppConfig],
    useFactory: (redis: RedisConnection, store: GameStore, config: AppConfig) =>
      redis.enabled
        ? new RedisCoordinator(redis.create('leases'), redis.create('changes'), store, `${config.REDIS_PREFIX}changes`, config.INSTANCE_ID)
        : new LocalCoordinator(),
  },
];
