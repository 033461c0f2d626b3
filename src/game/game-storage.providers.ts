import type { Provider } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { AppConfig } from '../config/app-config.js';
import { RedisConnection } from '../redis/redis-connection.js';
import { GameCoordinator, LocalCoordinator } from './coordination/game-coordinator.js';
import { RedisCoordinator } from './coordination/redis-coordinator.js';
import { GameStore } from './store/game-store.js';
import { openGameJournal } from './journal/game-journal.provider.js';
import { RedisGameStore } from './store/redis-game-store.js';

/**
 * Live games in this process by default, journaled to DATA_DIR so a restart
 * finds them again; in Redis, shared by every instance, when REDIS_URL is set.
 */
export const gameStorageProviders: Provider[] = [
  {
    provide: GameStore,
    inject: [RedisConnection, AppConfig, Clock],
    useFactory: async (redis: RedisConnection, config: AppConfig, clock: Clock) =>
      redis.enabled ? new RedisGameStore(redis.create('games', { tracksAvailability: true, autoPipelining: true })) : await openGameJournal(config, clock),
  },
  {
    provide: GameCoordinator,
    inject: [RedisConnection, GameStore, AppConfig, Clock],
    useFactory: (redis: RedisConnection, store: GameStore, config: AppConfig, clock: Clock) =>
      redis.enabled
        ? new RedisCoordinator(redis.create('leases'), redis.create('changes'), store, clock, {
            channel: `${config.REDIS_PREFIX}changes`,
            instanceId: config.INSTANCE_ID,
          })
        : new LocalCoordinator(),
  },
];
