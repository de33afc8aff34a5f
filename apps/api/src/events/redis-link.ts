import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Subject } from 'rxjs';
import type { AppConfig } from '@agm/config';
import { APP_CONFIG } from '../common/app-config.token';

export type RedisState = 'not configured' | 'up' | 'down';

/**
 * The instance's connections to Redis, made so that Redis is an accelerator and never a single point
 * of failure: a connection retries for ever in the background, a publish while Redis is away is
 * dropped (never queued, never a rejected promise that would end the process), and a subscription
 * waits for the connection and is renewed when Redis comes back. Nothing that must not be lost goes
 * through Redis: conference events are read from PostgreSQL by every instance (event-feed.ts).
 */
@Injectable()
export class RedisLink implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly clients: Redis[] = [];
  private wasDown = false;
  private readonly restoredSubject = new Subject<void>();
  /** Fires each time every connection is ready again after an outage. */
  readonly restored$ = this.restoredSubject.asObservable();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.redisUrl);
  }

  get state(): RedisState {
    if (!this.configured) return 'not configured';
    return this.clients.length > 0 && this.clients.every((client) => client.status === 'ready') ? 'up' : 'down';
  }

  /** A connection for publishing: fails fast while Redis is away, and a failed publish is dropped. */
  publisher(name: string): Redis {
    const client = this.open(name, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    const publish = client.publish.bind(client) as (channel: string, message: string | Buffer) => Promise<number>;
    // The socket.io Redis adapter does not handle a rejected publish; while Redis is away a
    // cross-instance broadcast is simply not made (events reach every instance from PostgreSQL).
    (client as unknown as { publish: typeof publish }).publish = (channel, message) => publish(channel, message).catch(() => 0);
    return client;
  }

  /** A connection for subscribing: its subscriptions wait for Redis and are renewed after an outage. */
  subscriber(name: string): Redis {
    return this.open(name, { maxRetriesPerRequest: null });
  }

  private open(name: string, options: { enableOfflineQueue?: boolean; maxRetriesPerRequest: number | null }): Redis {
    if (!this.config.redisUrl) throw new Error('REDIS_URL is not set');
    const client = new Redis(this.config.redisUrl, {
      ...options,
      connectionName: `agm-${name}`,
      // Keep trying every second at most: an instance outlives a Redis outage and picks up again.
      retryStrategy: (times) => Math.min(times * 100, 1000),
    });
    client.on('error', (error: Error) => {
      if (this.wasDown) return; // once per outage, not once per retry
      this.wasDown = true;
      this.logger.warn(`Redis is unreachable (${error.message}): events still reach every client from PostgreSQL; fan-out between instances is slower until it is back`);
    });
    client.on('ready', () => {
      if (!this.wasDown || this.state !== 'up') return;
      this.wasDown = false;
      this.logger.log('Redis is back: fan-out between instances resumes');
      this.restoredSubject.next();
    });
    this.clients.push(client);
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.quit().catch(() => client.disconnect())));
  }
}
