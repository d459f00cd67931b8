import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor, CurrentUser, PageAccess, NPA_STAFF, ParseId, validateInput } from '@npa/platform';
import { DELIVERY_STATES, DeliveriesQuery, LETTER_HTML_HEADERS, LetterDetails, LettersService, MailResends, ResendDeliveryDto } from '@npa/letters';
import { REMINDER_STATES, RemindersQuery, RemindersService } from '@npa/reminders';
import { OfficeCharts } from './office-charts';
import { FormError, formErrors, page, PageReply, redirectWithNotice, withFormErrors } from './render';

const RESEND_FIELDS = { reason: 'Why it is sent again', to: 'The corrected address' };
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

const query = <T extends object>(type: new () => T, values: Record<string, string | undefined>) =>
  validateInput(type, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')));

/** Letters, their emails and reminders, for NPA staff: what did not go, and why. */
@ApiExcludeController()
@Controller('office')
export class OfficeLettersPages {
  constructor(
    private readonly letters: LettersService,
    private readonly details: LetterDetails,
    private readonly reminders: RemindersService,
    private readonly charts: OfficeCharts,
    private readonly resends: MailResends,
  ) {}

  @Get('letters')
  @PageAccess(NPA_STAFF)
  list(@PageReply() reply: PageReply, @Query('state') state?: string, @Query('page') pageNumber?: string, @Query('notice') notice?: string) {
    return this.letterList(reply, { state, page: pageNumber }, { notice });
  }

  /** The form beside a failed or unknown email: it goes once more, audited, perhaps to a corrected address. */
  @Post('mail-deliveries/:id/resend')
  @PageAccess(NPA_STAFF)
  async resend(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @Body() body: Record<string, unknown>, @CurrentUser() actor: Actor) {
    const form = { reason: text(body.reason), to: text(body.to) };
    return withFormErrors(
      async () => {
        const resent = await this.resends.resend(id, validateInput(ResendDeliveryDto, form), actor);
        return redirectWithNotice(reply, '/office/letters', `The email will be sent again to ${resent.recipients.join(', ')}.`);
      },
      // Each row has its own form: the summary links to this row's fields.
      (error) => formErrors(error, RESEND_FIELDS)?.map((e) => ({ ...e, href: e.href && `${e.href}-${id}` })) ?? null,
      (errors, status) => this.letterList(reply, {}, { errors, resending: { id, ...form } }, status),
    );
  }

  private async letterList(
    reply: PageReply,
    asked: { state?: string; page?: string },
    extra: { notice?: string; errors?: FormError[]; resending?: { id: string; reason?: string; to?: string } },
    status = 200,
  ) {
    const chosen = query(DeliveriesQuery, asked);
    // With no state chosen, the emails that did not go come first, each with why.
    const [failed, unknown, listed, chart] = await Promise.all([
      chosen.state ? null : this.letters.deliveries(query(DeliveriesQuery, { state: 'failed', pageSize: '100' })),
      chosen.state ? null : this.letters.deliveries(query(DeliveriesQuery, { state: 'unknown', pageSize: '100' })),
      this.letters.deliveries(chosen),
      this.charts.remindersSentPerWeek(),
    ]);
    return page(
      reply,
      'office/letters',
      {
        title: 'Letters and emails',
        state: chosen.state,
        states: DELIVERY_STATES,
        failed,
        unknown,
        listed,
        chart,
        ...extra,
      },
      status,
    );
  }

  @Get('letters/:id.pdf')
  @PageAccess(NPA_STAFF)
  async pdf(@PageReply() reply: PageReply, @Param('id', ParseId) id: string) {
    const { letter, stream } = await this.letters.file(id, 'pdf');
    return reply
      .headers({
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${letter.kind}-${letter.verificationCode}.pdf"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      })
      .send(stream);
  }

  @Get('letters/:id.html')
  @PageAccess(NPA_STAFF)
  async html(@PageReply() reply: PageReply, @Param('id', ParseId) id: string) {
    const { stream } = await this.letters.file(id, 'html');
    return reply.headers(LETTER_HTML_HEADERS).send(stream);
  }

  @Get('letters/:id')
  @PageAccess(NPA_STAFF)
  async letter(@PageReply() reply: PageReply, @Param('id', ParseId) id: string) {
    const letter = await this.details.of(id);
    return page(reply, 'office/letter', { title: letter.title, letter, back: '/office/letters' });
  }

  @Get('reminders')
  @PageAccess(NPA_STAFF)
  async reminderList(@PageReply() reply: PageReply, @Query('state') state?: string, @Query('page') pageNumber?: string) {
    const chosen = query(RemindersQuery, { state, page: pageNumber });
    const reminders = await this.reminders.list(chosen);
    return page(reply, 'office/reminders', { title: 'Reminders', state: chosen.state, states: REMINDER_STATES, reminders });
  }
}
