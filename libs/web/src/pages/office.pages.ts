import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, NPA_STAFF, Actor, CurrentUser, ParseId } from '@npa/platform';
import { WorkshopsService } from '@npa/training';
import { QueueQuery, ReviewQueueService } from '@npa/approval';
import { OfficeCharts } from './office-charts';
import { OfficeDashboard } from './office-dashboard';
import { page, PageReply, redirectWithNotice } from './render';

/** The NPA office: its dashboard (with the backdated workshops it confirms) and the review queue. */
@ApiExcludeController()
@Controller('office')
export class OfficePages {
  constructor(
    private readonly dashboard: OfficeDashboard,
    private readonly queue: ReviewQueueService,
    private readonly charts: OfficeCharts,
    private readonly workshops: WorkshopsService,
  ) {}

  @Get()
  @PageAccess(NPA_STAFF)
  async home(@PageReply() reply: PageReply, @Query('notice') notice?: string) {
    return page(reply, 'office/dashboard', {
      title: 'Dashboard',
      notice,
      ...(await this.dashboard.figures()),
      applicationsChart: await this.charts.applicationsPerMonth(),
    });
  }

  /** Confirms a backdated workshop from the dashboard's list (audited); a second confirmation is a 409 page. */
  @Post('workshops/:id/confirm')
  @PageAccess(NPA_STAFF)
  async confirmWorkshop(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @CurrentUser() actor: Actor) {
    const workshop = await this.workshops.confirm(id, actor);
    return redirectWithNotice(reply, '/office', `Workshop of ${workshop.trainerName} from ${workshop.startDate} confirmed: its completions now count`);
  }

  @Get('review')
  @PageAccess(NPA_STAFF)
  async review(@PageReply() reply: PageReply) {
    const queue = await this.queue.list(Object.assign(new QueueQuery(), { pageSize: 200 }));
    return page(reply, 'office/review-queue', { title: 'Review queue', queue });
  }
}
