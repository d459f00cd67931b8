import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { NoBody, Access, Actor, ApiConflict, CurrentUser, NPA_STAFF } from '@npa/platform';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { snapshotLines } from './rules/snapshot-lines';
import { SnapshotReportRequestedResponse, SnapshotReportResponse, SnapshotResponse } from './returns.responses';
import { SnapshotService } from './snapshot.service';
import type { ReportingYear } from './rules/reporting-year';
import { ApiReportingYearParam, ParseReportingYear } from './year.pipe';

// A handler that declares an error response of its own (409, 413, the year's 400) gets no 2xx from the swagger
// plugin (it adds one only where none is declared), so those handlers name their answer here as well.
@ApiTags('national snapshot')
@ApiBearerAuth()
@ApiReportingYearParam()
@Controller('snapshots/:year')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotService) {}

  @Get()
  @ApiOperation({ summary: "The national snapshot of a year (2024-25), provisional while the year is open, with each figure's wording" })
  @ApiConflict('2026/27 has not ended: its snapshot can be made from 2027-04-01, as returns arrive.')
  @Access(NPA_STAFF)
  @ApiOkResponse({ type: SnapshotResponse })
  async getSnapshot(@Param('year', ParseReportingYear) year: ReportingYear): Promise<SnapshotResponse> {
    const snapshot = await this.snapshots.compute(year.startYear);
    return { ...snapshot, lines: snapshotLines(snapshot) };
  }

  @Get('figures.csv')
  @ApiOperation({ summary: 'The snapshot as CSV: every figure, the regions and the services whose return is missing' })
  @ApiConflict('2026/27 has not ended: its snapshot can be made from 2027-04-01, as returns arrive.')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the CSV file, header first', schema: { type: 'string' } })
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  @Access(NPA_STAFF)
  async downloadSnapshotCsv(@Param('year', ParseReportingYear) year: ReportingYear): Promise<string> {
    return this.snapshots.csv(year.startYear);
  }

  @Post('reports')
  @HttpCode(202)
  @ApiOperation({ summary: 'Freeze the figures as they stand and produce the PDF report (the worker composes it)' })
  @ApiConflict('2026/27 has not ended: its snapshot can be made from 2027-04-01, as returns arrive.')
  @Access(NPA_STAFF)
  @ApiAcceptedResponse({ type: SnapshotReportRequestedResponse })
  requestSnapshotReport(
    @Param('year', ParseReportingYear) year: ReportingYear,
    @Body(NoBody) _body: undefined,
    @CurrentUser() actor: Actor,
  ): Promise<SnapshotReportRequestedResponse> {
    return this.snapshots.requestReport(year.startYear, actor);
  }

  @Get('reports')
  @ApiOperation({ summary: 'The PDF reports made of the year, latest first' })
  @Access(NPA_STAFF)
  listSnapshotReports(@Param('year', ParseReportingYear) year: ReportingYear): Promise<SnapshotReportResponse[]> {
    return this.snapshots.reports(year.startYear);
  }
}
