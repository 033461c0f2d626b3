import { Global, Module } from '@nestjs/common';
import { RedisConnection } from './redis-connection.js';
import { StoreAvailability } from './store-availability.js';

@Global()
@Module({ providers: [RedisConnection, StoreAvailability], exports: [RedisConnection, StoreAvailability] })
export class RedisModule {}
