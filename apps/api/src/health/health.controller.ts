import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.guard';
import { DatabaseProbe } from './database-probe';
import { RedisLink } from '../events/redis-link';

/**
 * Liveness and readiness, told apart. `/health/live` says the process answers (restart it if not);
 * `/health` (and `/health/ready`) say whether to send it traffic: 503 only when the database is
 * unreachable, never because it is busy (a hall reconnecting at once queues reads behind each other,
 * and an instance ejected for that would push its clients onto the others). Redis being away is
 * `degraded`: the instance still serves its clients.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseProbe,
    private readonly redis: RedisLink,
  ) {}

  @Public()
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get()
  check(@Res({ passthrough: true }) response: Response) {
    return this.ready(response);
  }

  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const database = await this.database.check();
    const redis = this.redis.state;
    const down = database.status === 'down';
    response.status(down ? 503 : 200);
    return {
      status: down ? 'error' : redis === 'down' ? 'degraded' : 'ok',
      details: {
        database,
        redis: { status: redis === 'not configured' ? 'not configured' : redis },
      },
    };
  }
}
