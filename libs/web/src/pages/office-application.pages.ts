import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApplicationsService, DecisionDto, MessageDto, RecommendationDto, DecisionsService, EvidenceService, rolesFor } from '@npa/approval';
import { PageAccess, Actor, CurrentUser, NPA_STAFF, AppConfig, notFound, ParseId, validateInput, Clock } from '@npa/platform';
import { InspectionsService, RejectInspectionDto } from '@npa/registry';
import { applicationPage, decisionErrors, decisionInput, DecisionForm, readDecisionForm } from './office-application.view';
import { formErrors, page, PageReply, redirectWithNotice, withFormErrors, type FormError } from './render';

type Form = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The application a reviewer works on: read it, start the review, recommend, ask for information, decide. */
@ApiExcludeController()
@Controller('office/applications')
export class OfficeApplicationPages {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly decisions: DecisionsService,
    private readonly evidence: EvidenceService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly inspections: InspectionsService,
  ) {}

  @Get(':id')
  @PageAccess(NPA_STAFF)
  async show(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @CurrentUser() actor: Actor, @Query('notice') notice?: string) {
    return this.render(reply, id, actor, { notice });
  }

  @Get(':id/evidence/:evidenceId')
  @PageAccess(NPA_STAFF)
  async download(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @Param('evidenceId', ParseId) evidenceId: string) {
    const { evidence, stream } = await this.evidence.open(id, evidenceId);
    // Always a download, never rendered in the browser: an upload can never run as our page.
    return reply
      .headers({
        'content-type': evidence.contentType,
        'content-length': String(evidence.sizeBytes),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      })
      .send(stream);
  }

  @Post(':id/start-review')
  @PageAccess(rolesFor('start-review'))
  async startReview(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @CurrentUser() actor: Actor) {
    return this.attempt(reply, id, actor, 'The review has started: it is assigned to you', () => this.applications.startReview(id, actor));
  }

  @Post(':id/criteria/:criterionId/recommendation')
  @PageAccess(rolesFor('recommend'))
  async recommend(
    @PageReply() reply: PageReply,
    @Param('id', ParseId) id: string,
    @Param('criterionId') criterionId: string,
    @Body() body: Form,
    @CurrentUser() actor: Actor,
  ) {
    return this.attempt(
      reply,
      id,
      actor,
      `Your recommendation on ${criterionId} is recorded`,
      () =>
        this.applications.recommend(
          id,
          criterionId,
          validateInput(RecommendationDto, { outcome: text(body.outcome) || undefined, note: text(body.note) }),
          actor,
        ),
      (error) =>
        formErrors(error, { outcome: 'Recommendation' })?.map((e) =>
          e.href ? { ...e, field: `recommend-${criterionId}`, href: `#recommend-${criterionId}` } : e,
        ) ?? null,
    );
  }

  @Post(':id/request-information')
  @PageAccess(rolesFor('request-information'))
  async requestInformation(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @Body() body: Form, @CurrentUser() actor: Actor) {
    const message = text(body.message);
    return this.attempt(
      reply,
      id,
      actor,
      'Information has been requested from the setting',
      () => this.applications.requestInformation(id, validateInput(MessageDto, { message: message.trim() }).message, actor),
      (error) => formErrors(error, { message: 'What the setting needs to send' }),
      { message },
    );
  }

  @Post(':id/decision')
  @PageAccess(rolesFor('approve'))
  async decide(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @Body() body: Form, @CurrentUser() actor: Actor) {
    const decision = readDecisionForm(body);
    const input = decisionInput(decision);
    return this.attempt(
      reply,
      id,
      actor,
      'The decision is recorded and the setting will be sent its letter',
      () => this.decisions.decide(id, validateInput(DecisionDto, input), actor),
      (error) => decisionErrors(error, input),
      { decision },
    );
  }

  /** Confirms an inspection the setting proposed: from now on it counts for SA-OFSTED. */
  @Post(':id/inspections/:inspectionId/confirm')
  @PageAccess(NPA_STAFF)
  async confirmInspection(
    @PageReply() reply: PageReply,
    @Param('id', ParseId) id: string,
    @Param('inspectionId', ParseId) inspectionId: string,
    @CurrentUser() actor: Actor,
  ) {
    return this.attempt(reply, id, actor, 'The inspection is recorded: it now counts for SA-OFSTED', async () => {
      const { settingId } = await this.applications.get(id, actor);
      await this.inspections.confirm(settingId, inspectionId, actor);
    });
  }

  /** Rejects an inspection the setting proposed, with a reason the setting sees; it never counts. */
  @Post(':id/inspections/:inspectionId/reject')
  @PageAccess(NPA_STAFF)
  async rejectInspection(
    @PageReply() reply: PageReply,
    @Param('id', ParseId) id: string,
    @Param('inspectionId', ParseId) inspectionId: string,
    @Body() body: Form,
    @CurrentUser() actor: Actor,
  ) {
    return this.attempt(
      reply,
      id,
      actor,
      'The proposed inspection is rejected',
      async () => {
        const { settingId } = await this.applications.get(id, actor);
        // Another setting's inspection is not found, whatever the form says: the answer says nothing about it.
        if (!(await this.inspections.list(settingId)).some((i) => i.id === inspectionId)) throw notFound('The inspection');
        await this.inspections.reject(settingId, inspectionId, validateInput(RejectInspectionDto, { reason: text(body.reason).trim() }).reason, actor);
      },
      (error) =>
        formErrors(error, { reason: 'Why the inspection is rejected' })?.map((e) =>
          e.href ? { ...e, field: `reject-${inspectionId}`, href: `#reject-${inspectionId}` } : e,
        ) ?? null,
    );
  }

  /** Runs a change; on success back to the page with a banner, on a refusal the page again with its errors. */
  private async attempt(
    reply: PageReply,
    id: string,
    actor: Actor,
    done: string,
    change: () => Promise<unknown>,
    errorsOf: (error: unknown) => FormError[] | null = (e) => formErrors(e),
    typed: { decision?: DecisionForm; message?: string } = {},
  ) {
    return withFormErrors(
      async () => {
        await change();
        return redirectWithNotice(reply, `/office/applications/${id}`, done);
      },
      errorsOf,
      (errors, status) => this.render(reply, id, actor, { ...typed, errors }, status),
    );
  }

  private async render(
    reply: PageReply,
    id: string,
    actor: Actor,
    extra: { notice?: string; errors?: FormError[]; decision?: DecisionForm; message?: string },
    status = 200,
  ) {
    const view = await this.applications.get(id, actor);
    const data = applicationPage(view, { today: this.clock.today(), timeZone: this.config.TIME_ZONE, ...extra });
    const inspections = (await this.inspections.list(view.settingId)).map((i) => ({
      ...i,
      waiting: i.status === 'proposed',
      rejectError: extra.errors?.find((e) => e.field === `reject-${i.id}`)?.message,
    }));
    return page(
      reply,
      'office/application',
      { title: `${view.settingName ?? 'Application'}: application`, back: '/office/review', notice: extra.notice, ...data, inspections },
      status,
    );
  }
}
