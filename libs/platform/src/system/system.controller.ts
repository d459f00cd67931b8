import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { ParseId } from '../http/validation';
import { HeartbeatService } from './heartbeat.service';
import { HeartbeatRequest } from './system.dto';
import { HeartbeatResponse } from './system.responses';

@ApiTags('system')
@ApiBearerAuth()
@Controller('system')
export class SystemController {
  constructor(private readonly heartbeats: HeartbeatService) {}

  /** Queue a heartbeat job for the worker: whether jobs are being processed end to end. */
  @Post('heartbeat')
  @HttpCode(202)
  @Access(['npa_admin'])
  requestHeartbeat(@Body() body: HeartbeatRequest): Promise<HeartbeatResponse> {
    return this.heartbeats.request(body.holdMs);
  }

  /** A heartbeat job: processedAt is set once a worker has run it. */
  @Get('heartbeat/:id')
  @Access(['npa_admin'])
  getHeartbeat(@Param('id', ParseId) id: string): Promise<HeartbeatResponse> {
    return this.heartbeats.get(id);
  }
}
