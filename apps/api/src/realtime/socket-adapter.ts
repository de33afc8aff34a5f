import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '@agm/config';

/** Socket messages are small commands; anything bigger is refused before it is parsed. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/**
 * socket.io with the origin allow-list, a message size limit and — when REDIS_URL is set — the Redis
 * adapter, so a broadcast from any instance reaches clients connected to every instance.
 */
export class ConferenceSocketAdapter extends IoAdapter {
  private readonly logger = new Logger('Realtime');
  private redis: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = this.config.corsOrigins;
    const server: Server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
      cors: { origin: origins === '*' ? true : origins, credentials: true },
      allowRequest: (request: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
        const origin = request.headers.origin;
        // Non-browser clients send no Origin; browsers must come from an allowed one.
        const allowed = origins === '*' || !origin || origins.includes(origin);
        callback(allowed ? null : 'origin not allowed', allowed);
      },
    });
    if (this.config.redisUrl) {
      const publisher = new Redis(this.config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
      const subscriber = publisher.duplicate();
      for (const client of [publisher, subscriber]) client.on('error', (error) => this.logger.error(`Redis: ${error.message}`));
      this.redis = [publisher, subscriber];
      server.adapter(createAdapter(publisher, subscriber));
      this.logger.log('socket.io uses the Redis adapter');
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.redis.map((client) => client.quit().catch(() => undefined)));
  }
}
