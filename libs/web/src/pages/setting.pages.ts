import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PageAccess, Actor, CurrentUser, ParseId, validateInput } from '@npa/platform';
import { LETTER_HTML_HEADERS, LettersService } from '@npa/letters';
import { EndStaffDto, SettingsService } from '@npa/registry';
import { FormError, formErrors, page, PageReply, redirectWithNotice, withFormErrors } from './render';
import { SettingHome } from './setting-home';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A setting contact's home: their setting, its Stamp of Approval, staff, letters and reminders. */
@ApiExcludeController()
@Controller('setting')
export class SettingPages {
  constructor(
    private readonly home: SettingHome,
    private readonly settings: SettingsService,
    private readonly letters: LettersService,
  ) {}

  @Get()
  @PageAccess(['setting_contact'])
  async show(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Query('notice') notice?: string) {
    return this.render(reply, actor, { notice });
  }

  @Post('staff')
  @PageAccess(['setting_contact'])
  async addStaff(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Body() body: Record<string, unknown>) {
    const form = { email: text(body.email), name: text(body.name), startDate: text(body.startDate) };
    return withFormErrors(
      async () => {
        const added = await this.home.addStaff(actor.organisationId!, form, actor);
        // The name typed, not the register's: the notice tells the contact nothing they did not say.
        return redirectWithNotice(reply, '/setting', `${form.name.trim()} is on your staff from ${added.startDate}`);
      },
      { email: 'Email address', name: 'Full name', startDate: 'Start date', personId: 'Person' },
      (errors) => this.render(reply, actor, { errors, staffForm: form }, 400),
    );
  }

  @Post('staff/:staffId/left')
  @PageAccess(['setting_contact'], { kind: 'setting-staff', param: 'staffId' })
  async recordLeaver(
    @PageReply() reply: PageReply,
    @CurrentUser() actor: Actor,
    @Param('staffId', ParseId) staffId: string,
    @Body() body: Record<string, unknown>,
  ) {
    const endDate = text(body.endDate);
    return withFormErrors(
      async () => {
        // The guard refuses (and audits) another setting's staff record; the service looks within this setting too.
        const ended = await this.settings.endStaff(actor.organisationId!, staffId, validateInput(EndStaffDto, { endDate }), actor);
        return redirectWithNotice(reply, '/setting', `${ended.name} left on ${ended.endDate}`);
      },
      (error) => formErrors(error, { endDate: 'Last day' })?.map((e) => ({ ...e, field: `endDate-${staffId}`, href: `#endDate-${staffId}` })) ?? null,
      (errors) => this.render(reply, actor, { errors, leaver: { staffId, endDate } }, 400),
    );
  }

  @Get('letters/:id.pdf')
  @PageAccess(['setting_contact'], { kind: 'letter', param: 'id' })
  async letter(@Param('id', ParseId) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { letter, stream } = await this.letters.file(id, 'pdf');
    reply.headers({ 'content-type': 'application/pdf', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' });
    return new StreamableFile(stream, { disposition: `inline; filename="${letter.kind}-${letter.verificationCode}.pdf"` });
  }

  @Get('letters/:id.html')
  @PageAccess(['setting_contact'], { kind: 'letter', param: 'id' })
  async letterHtml(@Param('id', ParseId) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { stream } = await this.letters.file(id, 'html');
    reply.headers(LETTER_HTML_HEADERS);
    return new StreamableFile(stream);
  }

  private async render(reply: PageReply, actor: Actor, extra: Record<string, unknown>, status = 200) {
    const data = await this.home.of(actor.organisationId!);
    const errors = extra.errors as FormError[] | undefined;
    const leaver = extra.leaver as { staffId: string; endDate: string } | undefined;
    const staff = data.staff.map((s) => ({
      ...s,
      leaveError: errors?.find((e) => e.field === `endDate-${s.id}`)?.message,
      leaveValue: leaver?.staffId === s.id ? leaver.endDate : '',
    }));
    return page(reply, 'setting/home', { title: data.setting.name, ...data, ...extra, staff }, status);
  }
}
