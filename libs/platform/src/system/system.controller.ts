import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Access } from '../auth/access.decorator';
import { ParseId } from '../http/validation';
import { HeartbeatService } from './heartbeat.service';

class HeartbeatRequest {
  /** Keep the job busy this long (tests of graceful shutdown). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60000)
  holdMs?: number;
}

@ApiTags('system')
@ApiBearerAuth()
@Controller('system')
export class SystemController {
  constructor(private readonly heartbeats: HeartbeatService) {}

  @Post('heartbeat')
  @HttpCode(202)
  @Access(['npa_admin'])
  request(@Body() body: HeartbeatRequest) {
    return this.heartbeats.request(body.holdMs);
  }

  @Get('heartbeat/:id')
  @Access(['npa_admin'])
  get(@Param('id', ParseId) id: string) {
    return this.heartbeats.get(id);
  }
}
