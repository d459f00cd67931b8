import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, Public, RateLimit, Actor, CurrentUser, NPA_STAFF, NoBody, ParseId } from '@npa/platform';
import { ApplicationsService } from './applications.service';
import { AwardQuery, PublicRegisterQuery, QueueQuery } from './approval.dto';
import { AwardsService } from './awards.service';
import { ReviewQueueService } from './review-queue.service';
import { rolesFor } from './rules/machine';

const OWN_SETTING = { kind: 'setting', param: 'id' };
const READERS = [...NPA_STAFF, 'setting_contact'] as const;

@ApiTags('stamp of approval')
@ApiBearerAuth()
@Controller()
export class SettingsApprovalController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly awards: AwardsService,
    private readonly queue: ReviewQueueService,
  ) {}

  @Post('settings/:id/applications')
  @Access(rolesFor('edit'), OWN_SETTING)
  open(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor) {
    return this.applications.open(id, actor);
  }

  @Get('settings/:id/applications')
  @Access(READERS, OWN_SETTING)
  list(@Param('id', ParseId) id: string) {
    return this.applications.listForSetting(id);
  }

  @Get('settings/:id/award')
  @Access(READERS, OWN_SETTING)
  award(@Param('id', ParseId) id: string, @Query() query: AwardQuery) {
    return this.awards.status(id, query.asOf);
  }

  @Get('review-queue')
  @Access(rolesFor('start-review'))
  reviewQueue(@Query() query: QueueQuery) {
    return this.queue.list(query);
  }

  @Get('public/approved-settings')
  @Public()
  @RateLimit('public')
  approvedSettings(@Query() query: PublicRegisterQuery) {
    return this.awards.approvedSettings(query);
  }

  @Get('public/approved-settings/:ofstedUrn')
  @Public()
  @RateLimit('public')
  checkSetting(@Param('ofstedUrn') ofstedUrn: string) {
    return this.awards.checkSetting(ofstedUrn);
  }
}
