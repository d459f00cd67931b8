import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, Actor, CurrentUser, NPA_STAFF, Clock } from '@npa/platform';
import { ServicesService } from '@npa/registry';
import { ReturnYears, latestFilingYear, reportingYear, type ReportingYear, SnapshotService, ParseReportingYear } from '@npa/returns';
import { page, PageReply, redirectWithNotice, withFormErrors } from './render';
import { snapshotPage } from './snapshot-page';

/** The national snapshot for NPA staff: figures, charts, regions, what to chase and fix, the CSV and the PDF report. */
@ApiExcludeController()
@Controller('office/snapshot')
export class OfficeSnapshotPages {
  constructor(
    private readonly snapshots: SnapshotService,
    private readonly years: ReturnYears,
    private readonly services: ServicesService,
    private readonly clock: Clock,
  ) {}

  /** The latest year that has ended, or `?year=2024-25`. */
  @Get()
  @PageAccess(NPA_STAFF)
  async snapshot(@PageReply() reply: PageReply, @Query('year') asked?: string, @Query('notice') notice?: string) {
    const today = this.clock.today();
    const ended = (await this.years.years()).map(reportingYear).filter((y) => y.opensOn <= today);
    const base = { title: 'National snapshot', notice, years: ended, chosen: asked ?? latestFilingYear(today).slug };
    return withFormErrors(
      async () => {
        const year = asked ? ParseReportingYear.transform(asked, { type: 'query' }) : latestFilingYear(today);
        const snapshot = await this.snapshots.compute(year.startYear);
        const [reports, unmatched] = await Promise.all([
          this.snapshots.reports(year.startYear),
          Promise.all(snapshot.unmatched.map((u) => this.services.get(u.id))),
        ]);
        return page(reply, 'office/snapshot', {
          ...base,
          title: `National snapshot ${snapshot.year.label}`,
          chosen: snapshot.year.slug,
          snapshot,
          ...snapshotPage(snapshot),
          unmatched,
          reports: reports.map((r) => ({ ...r, href: r.ready && r.letterId ? `/office/letters/${r.letterId}.pdf` : null })),
        });
      },
      { year: 'Year' },
      (errors, status) => page(reply, 'office/snapshot', { ...base, errors }, status),
    );
  }

  /** The CSV the API gives (`/snapshots/:year/figures.csv`), for the signed-in browser. */
  @Get(':year/figures.csv')
  @PageAccess(NPA_STAFF)
  async csv(@PageReply() reply: PageReply, @Param('year', ParseReportingYear) year: ReportingYear) {
    const body = await this.snapshots.csv(year.startYear);
    return reply
      .headers({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="npa-snapshot-${year.slug}.csv"`,
        'cache-control': 'private, no-store',
      })
      .send(body);
  }

  /** Freezes the figures as they stand; the worker prints the PDF, whose link then appears on the page. */
  @Post(':year/reports')
  @PageAccess(NPA_STAFF)
  async report(@PageReply() reply: PageReply, @Param('year', ParseReportingYear) year: ReportingYear, @CurrentUser() actor: Actor) {
    const report = await this.snapshots.requestReport(year.startYear, actor);
    const what = report.provisional ? 'provisional PDF report' : 'PDF report';
    return redirectWithNotice(
      reply,
      `/office/snapshot?year=${year.slug}`,
      `The ${what} of ${year.label} is being produced: its link appears under Reports when it is ready.`,
    );
  }
}
