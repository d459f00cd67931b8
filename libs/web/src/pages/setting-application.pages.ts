import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PageAccess, TakesUpload, Actor, CurrentUser, invalid, ParseId, validateInput } from '@npa/platform';
import { ApplicationsService, OptionalMessageDto, StatementDto, EvidenceService, readUpload, CRITERIA, type EvidenceUpload } from '@npa/approval';
import { FormError, formErrors, page, PageReply, redirectWithNotice, withFormErrors } from './render';
import { SettingApplication, Typed, WHOLE_APPLICATION } from './setting-application';

const CONTACT = ['setting_contact'] as const;
const OWN = { kind: 'application', param: 'id' };
const HERE = '/setting/application';
const text = (value: unknown) => (typeof value === 'string' ? value : '');
/** Submitting names each criterion that is not ready; its link goes to that criterion on the page. */
const BY_CRITERION = Object.fromEntries(CRITERIA.map((c) => [c.id, `${c.id}:`]));

/** The setting's Stamp of Approval application: statements, evidence, submitting, and answering the reviewer. */
@ApiExcludeController()
@Controller('setting/application')
export class SettingApplicationPages {
  constructor(
    private readonly view: SettingApplication,
    private readonly applications: ApplicationsService,
    private readonly evidence: EvidenceService,
  ) {}

  @Get()
  @PageAccess(CONTACT)
  async show(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Query('notice') notice?: string) {
    return this.render(reply, actor, { notice });
  }

  @Post()
  @PageAccess(CONTACT)
  async open(@PageReply() reply: PageReply, @CurrentUser() actor: Actor) {
    return this.attempt(reply, actor, async () => {
      const opened = await this.applications.open(actor.organisationId!, actor);
      return `Your ${opened.kind === 'renewal' ? 'renewal' : 'application'} is open: write a statement and add evidence for each criterion`;
    });
  }

  @Post(':id/criteria/:criterionId')
  @PageAccess(CONTACT, OWN)
  async saveStatement(
    @PageReply() reply: PageReply,
    @CurrentUser() actor: Actor,
    @Param('id', ParseId) id: string,
    @Param('criterionId') criterionId: string,
    @Body() body: Record<string, unknown>,
  ) {
    const statement = text(body.statement);
    const typed = { criterionId, statement };
    return this.attempt(
      reply,
      actor,
      async () => {
        if (!statement.trim()) throw invalid('The statement is empty.', [{ field: 'statement', problem: 'write how your setting meets this criterion' }]);
        await this.applications.saveStatement(id, criterionId, validateInput(StatementDto, { statement }).statement, actor);
        return `Statement for ${criterionId} saved`;
      },
      { statement: `${criterionId}:` },
      (e) => ({ ...e, field: criterionId, href: `#${criterionId}` }),
      typed,
    );
  }

  @Post(':id/evidence')
  @PageAccess(CONTACT, OWN)
  @TakesUpload()
  async upload(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Param('id', ParseId) id: string) {
    let upload: EvidenceUpload | undefined;
    return this.attempt(
      reply,
      actor,
      async () => {
        upload = readUpload(reply.request);
        const saved = await this.evidence.upload(id, upload, actor);
        return `${saved.fileName} added to ${saved.criterionId ?? 'the whole application'}`;
      },
      { file: 'The file:', criterionId: 'Criterion' },
      (e) => {
        const form = `file-${upload?.criterionId ?? WHOLE_APPLICATION}`;
        return { ...e, field: form, href: `#${form}` };
      },
    );
  }

  @Get(':id/evidence/:evidenceId')
  @PageAccess(CONTACT, OWN)
  async download(@Param('id', ParseId) id: string, @Param('evidenceId', ParseId) evidenceId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { evidence, stream } = await this.evidence.open(id, evidenceId);
    // Always a download, as in the API: an upload never runs as our page.
    reply.headers({ 'content-type': evidence.contentType, 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' });
    return new StreamableFile(stream, { disposition: `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`, length: evidence.sizeBytes });
  }

  @Post(':id/submit')
  @PageAccess(CONTACT, OWN)
  async submit(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Param('id', ParseId) id: string, @Body() body: Record<string, unknown>) {
    const message = text(body.message);
    return this.attempt(
      reply,
      actor,
      async () => {
        await this.applications.submit(id, actor, validateInput(OptionalMessageDto, { message }).message);
        return 'Your application is submitted: an NPA reviewer will look at it';
      },
      { ...BY_CRITERION, message: 'Your message' },
      (e) => e,
      { message },
    );
  }

  @Post(':id/withdraw')
  @PageAccess(CONTACT, OWN)
  async withdraw(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Param('id', ParseId) id: string) {
    return this.attempt(reply, actor, async () => {
      await this.applications.withdraw(id, actor);
      return 'Your application is withdrawn';
    });
  }

  /** Runs a change, then back to the page with its notice; a refusal the user can act on shows the page again with it. */
  private async attempt(
    reply: PageReply,
    actor: Actor,
    change: () => Promise<string>,
    labels: Record<string, string> = {},
    place: (e: FormError) => FormError = (e) => e,
    typed: Typed = {},
  ) {
    return withFormErrors(
      async () => redirectWithNotice(reply, HERE, await change()),
      (error) => formErrors(error, labels)?.map((e) => (e.field ? place(e) : e)) ?? null,
      (errors, status) => this.render(reply, actor, { errors, typed }, status),
    );
  }

  private async render(reply: PageReply, actor: Actor, extra: { notice?: string; errors?: FormError[]; typed?: Typed }, status = 200) {
    const data = await this.view.of(actor.organisationId!, actor, extra.errors, extra.typed);
    return page(
      reply,
      'setting/application',
      { title: 'Stamp of Approval application', back: '/setting', ...data, notice: extra.notice, errors: extra.errors },
      status,
    );
  }
}
