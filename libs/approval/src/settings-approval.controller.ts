import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Access, ApiConflict, Public, RateLimit, Actor, CurrentUser, NPA_STAFF, NoBody, ParseId } from '@npa/platform';
import { ApplicationsService } from './applications.service';
import { AwardQuery, PublicRegisterQuery, QueueQuery } from './approval.dto';
import {
  ApplicationResponse,
  ApplicationSummaryResponse,
  ApprovedSettingCheckResponse,
  ApprovedSettingsResponse,
  AwardStatusResponse,
  ReviewQueueResponse,
} from './approval.responses';
import { AwardsService } from './awards.service';
import { ReviewQueueService } from './review-queue.service';
import { rolesFor } from './rules/machine';

const OWN_SETTING = { kind: 'setting', param: 'id' };
const READERS = [...NPA_STAFF, 'setting_contact'] as const;

// A handler that declares an error response of its own (409, 413, the year's 400) gets no 2xx from the swagger
// plugin (it adds one only where none is declared), so those handlers name their answer here as well.
@ApiTags('stamp of approval')
@ApiBearerAuth()
@Controller()
export class SettingsApprovalController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly awards: AwardsService,
    private readonly queue: ReviewQueueService,
  ) {}

  /**
   * Open an application for the Stamp of Approval, new or a renewal
   *
   * @remarks
   * A setting has one open application at a time. A renewal can be opened from the renewal window before the current
   * award ends; earlier, or once the award is already renewed, is 409.
   */
  @Post('settings/:id/applications')
  @ApiConflict(
    'This setting already has an open application (6d0f3c52-1c1e-4a8e-9f55-2b4f0d8e7a10, draft); carry on with that one or withdraw it first.',
    'The current award runs until 2026-09-30; a renewal can be opened from 2026-07-02.',
    'The award has already been renewed until 2027-09-30.',
  )
  @Access(rolesFor('edit'), OWN_SETTING)
  @ApiCreatedResponse({ type: ApplicationResponse })
  openApplication(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor): Promise<ApplicationResponse> {
    return this.applications.open(id, actor);
  }

  /** The setting's applications, latest first */
  @Get('settings/:id/applications')
  @Access(READERS, OWN_SETTING)
  listSettingApplications(@Param('id', ParseId) id: string): Promise<ApplicationSummaryResponse[]> {
    return this.applications.listForSetting(id);
  }

  /** The setting's Stamp of Approval as of a day: active, at risk, expired or none, with what puts it at risk */
  @Get('settings/:id/award')
  @Access(READERS, OWN_SETTING)
  getSettingAward(@Param('id', ParseId) id: string, @Query() query: AwardQuery): Promise<AwardStatusResponse> {
    return this.awards.status(id, query.asOf);
  }

  /** Applications waiting for NPA reviewers (submitted or under review), oldest submission first */
  @Get('review-queue')
  @Access(rolesFor('start-review'))
  listReviewQueue(@Query() query: QueueQuery): Promise<ReviewQueueResponse> {
    return this.queue.list(query);
  }

  /** The public register: settings holding the Stamp of Approval today (no sign-in) */
  @Get('public/approved-settings')
  @Public()
  @RateLimit('public')
  listApprovedSettings(@Query() query: PublicRegisterQuery): Promise<ApprovedSettingsResponse> {
    return this.awards.approvedSettings(query);
  }

  /**
   * Check whether a setting holds the Stamp of Approval today, by its Ofsted URN (no sign-in)
   *
   * @remarks
   * A setting without an award today answers 404 exactly as an unknown URN does.
   */
  @Get('public/approved-settings/:ofstedUrn')
  @Public()
  @RateLimit('public')
  checkApprovedSetting(@Param('ofstedUrn') ofstedUrn: string): Promise<ApprovedSettingCheckResponse> {
    return this.awards.checkSetting(ofstedUrn);
  }
}
