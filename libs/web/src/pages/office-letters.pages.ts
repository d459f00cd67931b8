import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, NPA_STAFF, ParseId, validateInput } from '@npa/platform';
import { DELIVERY_STATES, DeliveriesQuery, LETTER_HTML_HEADERS, LetterDetails, LettersService } from '@npa/letters';
import { REMINDER_STATES, RemindersQuery, RemindersService } from '@npa/reminders';
import { OfficeCharts } from './office-charts';
import { page, PageReply } from './render';

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
  ) {}

  @Get('letters')
  @PageAccess(NPA_STAFF)
  async list(@PageReply() reply: PageReply, @Query('state') state?: string, @Query('page') pageNumber?: string) {
    const chosen = query(DeliveriesQuery, { state, page: pageNumber });
    // With no state chosen, the emails that did not go come first, each with why.
    const [failed, unknown, listed, chart] = await Promise.all([
      chosen.state ? null : this.letters.deliveries(query(DeliveriesQuery, { state: 'failed', pageSize: '100' })),
      chosen.state ? null : this.letters.deliveries(query(DeliveriesQuery, { state: 'unknown', pageSize: '100' })),
      this.letters.deliveries(chosen),
      this.charts.remindersSentPerWeek(),
    ]);
    return page(reply, 'office/letters', {
      title: 'Letters and emails',
      state: chosen.state,
      states: DELIVERY_STATES,
      failed,
      unknown,
      listed,
      chart,
    });
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
