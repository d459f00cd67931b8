import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, Actor, CurrentUser, NPA_STAFF, ParseId, validateInput } from '@npa/platform';
import { FilingStatusService, ReturnYears, RETURN_STATES, UpdateReturnYearDto, YearStatusQuery, ReturnsService, ParseReportingYear } from '@npa/returns';
import type { ReportingYear } from '@npa/returns';
import { VIEW_HELPERS } from '../view-engine';
import { FormBody, text } from './form-input';
import { page, PageReply, redirectWithNotice, withFormErrors } from './render';
import { comparisonRows } from './return-form';

const ADMIN = ['npa_admin'] as const;
const SHOW = [{ value: 'not_filed', text: 'Not filed' }, ...RETURN_STATES.map((s) => ({ value: s, text: VIEW_HELPERS.label(s) }))];

/** `?show=not_filed` or a state, as the API's query; anything else is refused with the filter's name. */
const statusQuery = (show: string | undefined): YearStatusQuery =>
  !show ? {} : show === 'not_filed' ? { notFiled: 'true' } : validateInput(YearStatusQuery, { state: show });

const CHANGES = {
  close: { verb: 'Close', done: (label: string) => `${label} is closed: its returns can no longer be filed or changed, and its snapshot is final.` },
  reopen: { verb: 'Reopen', done: (label: string) => `${label} is open again: services can file and correct its returns.` },
} as const;
type Change = keyof typeof CHANGES;

/** Annual returns for NPA staff: each year's filing, who has not filed, and (admins) the due date and closing the year. */
@ApiExcludeController()
@Controller('office/returns')
export class OfficeReturnsPages {
  constructor(
    private readonly years: ReturnYears,
    private readonly filing: FilingStatusService,
    private readonly returns: ReturnsService,
  ) {}

  @Get()
  @PageAccess(NPA_STAFF)
  async list(@PageReply() reply: PageReply) {
    const years = await Promise.all((await this.years.years()).map(async (y) => this.filing.status(y)));
    return page(reply, 'office/returns', { title: 'Annual returns', years: years.map(({ year, counts }) => ({ ...year, counts })) });
  }

  @Get(':year')
  @PageAccess(NPA_STAFF)
  async year(
    @PageReply() reply: PageReply,
    @Param('year', ParseReportingYear) year: ReportingYear,
    @Query('show') show?: string,
    @Query('notice') notice?: string,
  ) {
    return this.yearPage(reply, year, { show, notice });
  }

  @Post(':year/due-date')
  @PageAccess(ADMIN)
  async dueDate(@PageReply() reply: PageReply, @Param('year', ParseReportingYear) year: ReportingYear, @Body() body: FormBody, @CurrentUser() actor: Actor) {
    const dueOn = text(body, 'dueOn') ?? '';
    return withFormErrors(
      async () => {
        const settings = await this.years.setDueOn(year.startYear, validateInput(UpdateReturnYearDto, { dueOn }).dueOn, actor);
        return redirectWithNotice(
          reply,
          `/office/returns/${year.slug}`,
          `Returns for ${year.label} are now due by ${VIEW_HELPERS.formatDate(settings.dueOn)}.`,
        );
      },
      { dueOn: 'The due date' },
      (errors, status) => this.yearPage(reply, year, { errors, dueOn }, status),
    );
  }

  @Get(':year/close')
  @PageAccess(ADMIN)
  async confirmClose(@PageReply() reply: PageReply, @Param('year', ParseReportingYear) year: ReportingYear) {
    return this.confirmPage(reply, year, 'close');
  }

  /** Locks every return of the year and makes its snapshot final (audited); a year that has not ended is refused. */
  @Post(':year/close')
  @PageAccess(ADMIN)
  async close(@PageReply() reply: PageReply, @Param('year', ParseReportingYear) year: ReportingYear, @CurrentUser() actor: Actor) {
    return this.change(reply, year, 'close', () => this.years.close(year.startYear, actor));
  }

  @Get(':year/reopen')
  @PageAccess(ADMIN)
  async confirmReopen(@PageReply() reply: PageReply, @Param('year', ParseReportingYear) year: ReportingYear) {
    return this.confirmPage(reply, year, 'reopen');
  }

  @Post(':year/reopen')
  @PageAccess(ADMIN)
  async reopen(@PageReply() reply: PageReply, @Param('year', ParseReportingYear) year: ReportingYear, @CurrentUser() actor: Actor) {
    return this.change(reply, year, 'reopen', () => this.years.reopen(year.startYear, actor));
  }

  @Get(':year/services/:id')
  @PageAccess(NPA_STAFF)
  async oneReturn(@PageReply() reply: PageReply, @Param('year', ParseReportingYear) year: ReportingYear, @Param('id', ParseId) id: string) {
    const view = await this.returns.get(id, year.startYear);
    return page(reply, 'office/return', {
      title: `${view.serviceName}: ${year.label} return`,
      view,
      rows: comparisonRows(view),
      back: `/office/returns/${year.slug}`,
    });
  }

  private async yearPage(reply: PageReply, year: ReportingYear, data: { show?: string; notice?: string; errors?: unknown; dueOn?: string }, status = 200) {
    const filing = await this.filing.status(year.startYear, statusQuery(data.show));
    const shows = SHOW.map((s) => ({ ...s, selected: s.value === data.show }));
    return page(
      reply,
      'office/return-year',
      { title: `${year.label} annual returns`, ...data, filing, shows, dueOn: data.dueOn ?? filing.year.dueOn, back: '/office/returns' },
      status,
    );
  }

  private async change(reply: PageReply, year: ReportingYear, change: Change, apply: () => Promise<unknown>) {
    return withFormErrors(
      async () => {
        await apply();
        return redirectWithNotice(reply, `/office/returns/${year.slug}`, CHANGES[change].done(year.label));
      },
      {},
      (errors, status) => this.confirmPage(reply, year, change, errors, status),
    );
  }

  private async confirmPage(reply: PageReply, year: ReportingYear, change: Change, errors?: unknown, status = 200) {
    const { year: settings, counts } = await this.filing.status(year.startYear);
    return page(
      reply,
      'office/return-year-confirm',
      {
        title: `${CHANGES[change].verb} ${year.label}?`,
        change,
        verb: CHANGES[change].verb,
        year: settings,
        counts,
        errors,
        back: `/office/returns/${year.slug}`,
      },
      status,
    );
  }
}
