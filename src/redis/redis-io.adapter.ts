import type { INestApplicationContext } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { GameIoAdapter } from '../game/game-io.adapter.js';

/**
 * socket.io across server instances through a Redis stream. The streams
 * adapter was chosen over the pub/sub one because a stream keeps its
 * messages: an instance whose Redis connection blips reads on from its last
 * offset instead of silently missing broadcasts (a reveal, a podium), which
 * is what a game needs while Redis restarts. Its XREAD blocks for less than
 * the client's command timeout, so the bounded timeout never cuts it off.
 * Measured against the pub/sub adapter (bench/adapter.mjs, 3,000 phones on
 * the other instance): about 25 ms slower at p99 for a room broadcast and
 * 60 ms for one message per player, within run-to-run noise, and far below
 * what the server's own work adds to a fan-out; not worth losing a reveal
 * in a connection blip.
 */
export class RedisIoAdapter extends GameIoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
    server.adapter(createAdapter(this.redis, { blockTimeInMs: 1000, channelPrefix: `${this.prefix}socket.io`, maxLen: 10_000 }));
    return server;
  }
}
