import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { NoBody, Access, Actor, CurrentUser, NPA_STAFF } from '@npa/platform';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { snapshotLines } from './rules/snapshot-lines';
import { SnapshotReportRequestedResponse, SnapshotReportResponse, SnapshotResponse } from './returns.responses';
import { SnapshotService } from './snapshot.service';
import type { ReportingYear } from './rules/reporting-year';
import { ApiReportingYearParam, ParseReportingYear } from './year.pipe';

@ApiTags('national snapshot')
@ApiBearerAuth()
@ApiReportingYearParam()
@Controller('snapshots/:year')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotService) {}

  @Get()
  @ApiOperation({ summary: "The national snapshot of a year (2024-25), provisional while the year is open, with each figure's wording" })
  @Access(NPA_STAFF)
  async getSnapshot(@Param('year', ParseReportingYear) year: ReportingYear): Promise<SnapshotResponse> {
    const snapshot = await this.snapshots.compute(year.startYear);
    return { ...snapshot, lines: snapshotLines(snapshot) };
  }

  @Get('figures.csv')
  @ApiOperation({ summary: 'The snapshot as CSV: every figure, the regions and the services whose return is missing' })
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
  @Access(NPA_STAFF)
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
