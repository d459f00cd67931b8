import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, Actor, ApiConflict, CurrentUser, NPA_STAFF, NoBody, ParseId, errorExample } from '@npa/platform';
import { ApplicationsService } from './applications.service';
import { DecisionDto, MessageDto, OptionalMessageDto, RecommendationDto, StatementDto } from './approval.dto';
import { ApplicationResponse, DecisionResponse, EvidenceResponse } from './approval.responses';
import { DecisionsService } from './decisions.service';
import { EvidenceService } from './evidence/evidence.service';
import { DOCX, JPEG, PDF, PNG } from './evidence/file-kind';
import { readUpload } from './evidence/upload';
import { rolesFor } from './rules/machine';

const OWN = { kind: 'application', param: 'id' };
/** What an evidence file may be (checked by content on upload). */
const EVIDENCE_TYPES = [PDF, PNG, JPEG, DOCX].map((kind) => kind.contentType);
const READERS = [...NPA_STAFF, 'setting_contact'] as const;

// Examples of the 409s the application's state machine answers with (rules/machine.ts, application.steps.ts).
const LOCKED =
  'You cannot change the statements or evidence of an application that is submitted; only one that is a draft, waiting for information from the setting.';
const DECIDED = 'This application has already been decided (approved); a decision is final, so it cannot withdraw it. Open a new application instead.';
const CHANGED = 'Someone else changed this application at the same moment; reload it to see what they did.';
const TOO_LARGE = 'The file is larger than 10 MB; evidence files may be 10 MB at most.';

// A handler that declares an error response of its own (409, 413, the year's 400) gets no 2xx from the swagger
// plugin (it adds one only where none is declared), so those handlers name their answer here as well.
@ApiTags('stamp of approval')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly decisions: DecisionsService,
    private readonly evidence: EvidenceService,
  ) {}

  /**
   * An application with every criterion, its evidence and its history
   *
   * @remarks
   * Open applications show the register's computed criteria as they are today; closed ones as they were when
   * submitted or decided. Reviewers' recommendations and user ids are shown to NPA staff only.
   */
  @Get(':id')
  @Access(READERS, OWN)
  getApplication(@Param('id', ParseId) id: string, @CurrentUser() actor: Actor): Promise<ApplicationResponse> {
    return this.applications.get(id, actor);
  }

  /**
   * Save the setting's statement for a judged criterion
   *
   * @remarks
   * Only the judged criteria (SA-PRINCIPLES, SA-ASSESSMENT, SA-REVIEWS, SA-RECORDS) take a statement; a computed one is
   * 400, an unknown one 404. Allowed while the application is a draft or information has been requested.
   */
  @Put(':id/criteria/:criterionId')
  @ApiConflict(LOCKED, CHANGED)
  @Access(rolesFor('edit'), OWN)
  @ApiOkResponse({ type: ApplicationResponse })
  saveCriterionStatement(
    @Param('id', ParseId) id: string,
    @Param('criterionId') criterionId: string,
    @Body() dto: StatementDto,
    @CurrentUser() actor: Actor,
  ): Promise<ApplicationResponse> {
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
  @ApiConflict('SA-PRINCIPLES has no statement carried over from last year waiting to be confirmed.', CHANGED)
  confirmCarriedOverStatement(
    @Param('id', ParseId) id: string,
    @Param('criterionId') criterionId: string,
    @Body(NoBody) _body: undefined,
    @CurrentUser() actor: Actor,
  ): Promise<ApplicationResponse> {
    return this.applications.confirmStatement(id, criterionId, actor);
  }

  /** Record a reviewer's recommendation on one criterion while reviewing (seen by NPA staff only) */
  @Put(':id/criteria/:criterionId/recommendation')
  @ApiConflict('You cannot record a recommendation on an application that is a draft; only one that is under review.', CHANGED)
  @Access(rolesFor('recommend'))
  @ApiOkResponse({ type: ApplicationResponse })
  recommendCriterionOutcome(
    @Param('id', ParseId) id: string,
    @Param('criterionId') criterionId: string,
    @Body() dto: RecommendationDto,
    @CurrentUser() actor: Actor,
  ): Promise<ApplicationResponse> {
    return this.applications.recommend(id, criterionId, dto, actor);
  }

  /**
   * Upload an evidence file (PDF, PNG, JPEG or DOCX; 10 MB at most)
   *
   * @remarks
   * The file is accepted by its content, whatever its name says. Without criterionId the file is evidence for the
   * application and supports every judged criterion; with it, the one named (the field may come before or after the
   * file; one that cannot be read is 400). An application holds a limited number of files and megabytes: a file too
   * many is 409, a file that takes the total over is 413.
   */
  @Post(':id/evidence')
  @ApiConsumes('multipart/form-data')
  @ApiConflict(LOCKED, 'The application already holds 40 evidence files, the most it may hold: remove one before adding another.')
  // Not ApiTooLarge: it and ApiConflict share one extension key, so on one handler the later one replaces the other.
  @ApiResponse({
    status: 413,
    description: 'Too large.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' }, example: errorExample(413, TOO_LARGE) } },
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'the evidence file: PDF, PNG, JPEG or DOCX, 10 MB at most' },
        criterionId: {
          type: 'string',
          description: 'the one judged criterion the file supports; without it, the file supports them all',
          example: 'SA-PRINCIPLES',
        },
      },
    },
  })
  @Access(rolesFor('edit'), OWN)
  @ApiCreatedResponse({ type: EvidenceResponse })
  uploadEvidence(@Param('id', ParseId) id: string, @Req() request: FastifyRequest, @CurrentUser() actor: Actor): Promise<EvidenceResponse> {
    return this.evidence.upload(id, readUpload(request), actor);
  }

  /** The application's evidence files, oldest first */
  @Get(':id/evidence')
  @Access(READERS, OWN)
  listApplicationEvidence(@Param('id', ParseId) id: string): Promise<EvidenceResponse[]> {
    return this.evidence.list(id);
  }

  /** Download one evidence file, always as an attachment */
  @Get(':id/evidence/:evidenceId')
  @ApiProduces(...EVIDENCE_TYPES)
  @ApiOkResponse({ description: 'the file as uploaded', schema: { type: 'string', format: 'binary' } })
  @Access(READERS, OWN)
  async downloadEvidence(@Param('id', ParseId) id: string, @Param('evidenceId', ParseId) evidenceId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { evidence, stream } = await this.evidence.open(id, evidenceId);
    // Always a download, never rendered in the browser: an upload can never run as our page.
    reply.headers({ 'content-type': evidence.contentType, 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' });
    return new StreamableFile(stream, { disposition: `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`, length: evidence.sizeBytes });
  }

  /** Remove an evidence file while the application can still be edited */
  @Delete(':id/evidence/:evidenceId')
  @ApiConflict(LOCKED, CHANGED)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the file is removed' })
  @Access(rolesFor('edit'), OWN)
  async removeEvidence(
    @Param('id', ParseId) id: string,
    @Param('evidenceId', ParseId) evidenceId: string,
    @Body(NoBody) _body: undefined,
    @CurrentUser() actor: Actor,
  ): Promise<void> {
    await this.evidence.remove(id, evidenceId, actor);
  }

  /**
   * Submit the application for review
   *
   * @remarks
   * 409 with every reason at once (details name each criterion) unless every judged criterion has a statement and
   * evidence that supports it (tagged to it or untagged) and every essential computed criterion passes on the register
   * today.
   */
  @Post(':id/submit')
  @ApiConflict(
    'The application cannot be submitted yet: SA-PRINCIPLES needs a statement and evidence. Evidence uploaded without a criterion counts for every judged criterion.',
    'You cannot submit an application that is under review; only one that is a draft, waiting for information from the setting.',
  )
  @HttpCode(200)
  @Access(rolesFor('submit'), OWN)
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiBody({ type: OptionalMessageDto, required: false, description: 'API.md sends no body; a message for the history may be given.' })
  submitApplication(@Param('id', ParseId) id: string, @Body() dto: OptionalMessageDto, @CurrentUser() actor: Actor): Promise<ApplicationResponse> {
    return this.applications.submit(id, actor, dto.message);
  }

  /** Start reviewing a submitted application: the caller becomes its reviewer */
  @Post(':id/start-review')
  @ApiConflict('You cannot start reviewing an application that is a draft; only one that is submitted.', CHANGED)
  @HttpCode(200)
  @Access(rolesFor('start-review'))
  @ApiOkResponse({ type: ApplicationResponse })
  startApplicationReview(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor): Promise<ApplicationResponse> {
    return this.applications.startReview(id, actor);
  }

  /** Ask the setting for more information: the application goes back to it to edit, and a letter says what is needed */
  @Post(':id/request-information')
  @ApiConflict('You cannot request information on an application that is submitted; only one that is under review.', CHANGED)
  @HttpCode(200)
  @Access(rolesFor('request-information'))
  @ApiOkResponse({ type: ApplicationResponse })
  requestApplicationInformation(@Param('id', ParseId) id: string, @Body() dto: MessageDto, @CurrentUser() actor: Actor): Promise<ApplicationResponse> {
    return this.applications.requestInformation(id, dto.message, actor);
  }

  /** Withdraw an open application */
  @Post(':id/withdraw')
  @ApiConflict(DECIDED, CHANGED)
  @HttpCode(200)
  @Access(rolesFor('withdraw'), OWN)
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiBody({ type: OptionalMessageDto, required: false, description: 'API.md sends no body; a message for the history may be given.' })
  withdrawApplication(@Param('id', ParseId) id: string, @Body() dto: OptionalMessageDto, @CurrentUser() actor: Actor): Promise<ApplicationResponse> {
    return this.applications.withdraw(id, actor, dto.message);
  }

  /**
   * Approve or reject an application under review, with an outcome and reason per criterion
   *
   * @remarks
   * The decision lists the judged criteria. The computed ones are evaluated from the register inside the decision's own
   * transaction and recorded with their explanation; a client may list them too, and then they must agree (409 naming
   * the difference). Approving while a computed criterion fails is 409 naming it. A decision is final: a second one
   * is 409. Approval makes the award and its letter.
   */
  @Post(':id/decision')
  @ApiConflict(
    'This application has already been decided (approved); a decision is final, so it cannot approve it. Open a new application instead.',
    'The register does not support this decision: SA-OFSTED is not met, so the application cannot be approved: The most recent Ofsted inspection, on 2026-02-10, rated the setting Inadequate; the Stamp of Approval needs Good or Outstanding.',
    CHANGED,
  )
  @HttpCode(200)
  @Access(rolesFor('approve'))
  @ApiOkResponse({ type: DecisionResponse })
  decideApplication(@Param('id', ParseId) id: string, @Body() dto: DecisionDto, @CurrentUser() actor: Actor): Promise<DecisionResponse> {
    return this.decisions.decide(id, dto, actor);
  }
}
