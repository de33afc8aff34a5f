import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '@agm/config';
import { RedisLink } from '../events/redis-link';

/** Socket messages are small commands; anything bigger is refused before it is parsed. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/**
 * socket.io with the origin allow-list, a message size limit and — when REDIS_URL is set — the Redis
 * adapter, so a broadcast from any instance reaches clients connected to every instance. Its
 * connections come from RedisLink: an outage of Redis slows the cross-instance broadcasts (session
 * ends, ballot counters) and never ends the instance; conference events do not go through it.
 */
export class ConferenceSocketAdapter extends IoAdapter {
  private readonly logger = new Logger('Realtime');
  constructor(
    private readonly appContext: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(appContext);
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
    const redis = this.appContext.get(RedisLink);
    if (redis.configured) {
      server.adapter(createAdapter(redis.publisher('socket.io'), redis.subscriber('socket.io')));
      this.logger.log('socket.io uses the Redis adapter');
    }
    return server;
  }
}
