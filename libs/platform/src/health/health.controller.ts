import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { Public } from '../auth/access.decorator';
import { REDIS } from '../redis/redis.module';
import { HealthResponse } from '../system/system.responses';

@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Whether the API reaches its database and Redis (API.md's shape: `{ status, database, redis }`). */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthResponse, description: 'Both answer.' })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'The database or Redis does not answer.' })
  async checkHealth(@Res() reply: FastifyReply): Promise<void> {
    const result = await this.health
      .check([() => this.database.pingCheck('database', { timeout: 1500 }), () => this.pingRedis()])
      .catch((error: { getResponse?: () => unknown }) => error.getResponse?.() as { details?: Record<string, { status: string }> });
    const database = result?.details?.database?.status === 'up' ? 'up' : 'down';
    const redis = result?.details?.redis?.status === 'up' ? 'up' : 'down';
    const ok = database === 'up' && redis === 'up';
    await reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'error', database, redis });
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    try {
      const pong = await Promise.race([this.redis.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500))]);
      return pong === 'PONG' ? indicator.up() : indicator.down();
    } catch {
      return indicator.down();
    }
  }
}
