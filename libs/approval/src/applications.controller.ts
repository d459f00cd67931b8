import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, Actor, CurrentUser, NPA_STAFF, NoBody, ParseId } from '@npa/platform';
import { ApplicationsService } from './applications.service';
import { DecisionDto, MessageDto, OptionalMessageDto, RecommendationDto, StatementDto } from './approval.dto';
import { DecisionsService } from './decisions.service';
import { EvidenceService } from './evidence/evidence.service';
import { readUpload } from './evidence/upload';
import { rolesFor } from './rules/machine';

const OWN = { kind: 'application', param: 'id' };
const READERS = [...NPA_STAFF, 'setting_contact'] as const;

@ApiTags('stamp of approval')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly decisions: DecisionsService,
    private readonly evidence: EvidenceService,
  ) {}

  @Get(':id')
  @Access(READERS, OWN)
  get(@Param('id', ParseId) id: string, @CurrentUser() actor: Actor) {
    return this.applications.get(id, actor);
  }

  @Put(':id/criteria/:criterionId')
  @Access(rolesFor('edit'), OWN)
  saveStatement(@Param('id', ParseId) id: string, @Param('criterionId') criterionId: string, @Body() dto: StatementDto, @CurrentUser() actor: Actor) {
    return this.applications.saveStatement(id, criterionId, dto.statement, actor);
  }

  /**
   * Confirms, unchanged, a statement carried over from last year (a renewal opens with last year's
   * statements, each to be confirmed or edited before submitting). Saving it again with PUT confirms it
   * too. 409 when the criterion has no carried-over statement waiting.
   */
  @Post(':id/criteria/:criterionId/confirm')
  @HttpCode(200)
  @Access(rolesFor('edit'), OWN)
  confirmStatement(@Param('id', ParseId) id: string, @Param('criterionId') criterionId: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor) {
    return this.applications.confirmStatement(id, criterionId, actor);
  }

  @Put(':id/criteria/:criterionId/recommendation')
  @Access(rolesFor('recommend'))
  recommend(@Param('id', ParseId) id: string, @Param('criterionId') criterionId: string, @Body() dto: RecommendationDto, @CurrentUser() actor: Actor) {
    return this.applications.recommend(id, criterionId, dto, actor);
  }

  @Post(':id/evidence')
  @ApiConsumes('multipart/form-data')
  @Access(rolesFor('edit'), OWN)
  async upload(@Param('id', ParseId) id: string, @Req() request: FastifyRequest, @CurrentUser() actor: Actor) {
    return this.evidence.upload(id, readUpload(request), actor);
  }

  @Get(':id/evidence')
  @Access(READERS, OWN)
  listEvidence(@Param('id', ParseId) id: string) {
    return this.evidence.list(id);
  }

  @Get(':id/evidence/:evidenceId')
  @Access(READERS, OWN)
  async download(@Param('id', ParseId) id: string, @Param('evidenceId', ParseId) evidenceId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { evidence, stream } = await this.evidence.open(id, evidenceId);
    // Always a download, never rendered in the browser: an upload can never run as our page.
    reply.headers({ 'content-type': evidence.contentType, 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' });
    return new StreamableFile(stream, { disposition: `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`, length: evidence.sizeBytes });
  }

  @Delete(':id/evidence/:evidenceId')
  @HttpCode(204)
  @Access(rolesFor('edit'), OWN)
  async removeEvidence(
    @Param('id', ParseId) id: string,
    @Param('evidenceId', ParseId) evidenceId: string,
    @Body(NoBody) _body: undefined,
    @CurrentUser() actor: Actor,
  ) {
    await this.evidence.remove(id, evidenceId, actor);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Access(rolesFor('submit'), OWN)
  submit(@Param('id', ParseId) id: string, @Body() dto: OptionalMessageDto, @CurrentUser() actor: Actor) {
    return this.applications.submit(id, actor, dto.message);
  }

  @Post(':id/start-review')
  @HttpCode(200)
  @Access(rolesFor('start-review'))
  startReview(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor) {
    return this.applications.startReview(id, actor);
  }

  @Post(':id/request-information')
  @HttpCode(200)
  @Access(rolesFor('request-information'))
  requestInformation(@Param('id', ParseId) id: string, @Body() dto: MessageDto, @CurrentUser() actor: Actor) {
    return this.applications.requestInformation(id, dto.message, actor);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Access(rolesFor('withdraw'), OWN)
  withdraw(@Param('id', ParseId) id: string, @Body() dto: OptionalMessageDto, @CurrentUser() actor: Actor) {
    return this.applications.withdraw(id, actor, dto.message);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Access(rolesFor('approve'))
  decide(@Param('id', ParseId) id: string, @Body() dto: DecisionDto, @CurrentUser() actor: Actor) {
    return this.decisions.decide(id, dto, actor);
  }
}
