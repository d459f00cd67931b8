import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageAccess, NPA_STAFF } from '@npa/platform';
import { QueueQuery, ReviewQueueService } from '@npa/approval';
import { OfficeCharts } from './office-charts';
import { OfficeDashboard } from './office-dashboard';
import { page } from './render';

/** The NPA office: its dashboard and the review queue. */
@ApiExcludeController()
@Controller('office')
export class OfficePages {
  constructor(
    private readonly dashboard: OfficeDashboard,
    private readonly queue: ReviewQueueService,
    private readonly charts: OfficeCharts,
  ) {}

  @Get()
  @PageAccess(NPA_STAFF)
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('notice') notice?: string) {
    return page(request, reply, 'office/dashboard', {
      title: 'Dashboard',
      notice,
      ...(await this.dashboard.figures()),
      applicationsChart: await this.charts.applicationsPerMonth(),
    });
  }

  @Get('review')
  @PageAccess(NPA_STAFF)
  async review(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const queue = await this.queue.list(Object.assign(new QueueQuery(), { pageSize: 200 }));
    return page(request, reply, 'office/review-queue', { title: 'Review queue', queue });
  }
}
