import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { NoBody, Access, Actor, ApiConflict, CurrentUser, NPA_STAFF } from '@npa/platform';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FilingStatusService } from './filing-status.service';
import { ReturnYears } from './return-years.service';
import { UpdateReturnYearDto, YearStatusQuery } from './returns.dto';
import { FilingStatusResponse, ReturnYearResponse, ReturnYearSettingsResponse } from './returns.responses';
import type { ReportingYear } from './rules/reporting-year';
import { ApiReportingYearParam, ParseReportingYear } from './year.pipe';

// A handler that declares an error response of its own (409, 413, the year's 400) gets no 2xx from the swagger
// plugin (it adds one only where none is declared), so those handlers name their answer here as well.
@ApiTags('annual returns')
@ApiBearerAuth()
@Controller('return-years')
export class ReturnYearsController {
  constructor(
    private readonly years: ReturnYears,
    private readonly filing: FilingStatusService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Reporting years with their due dates, whether closed, and how many returns are in' })
  @Access(NPA_STAFF)
  async listReturnYears(): Promise<ReturnYearResponse[]> {
    const years = await this.years.years();
    return Promise.all(
      years.map(async (y) => {
        const { year, counts } = await this.filing.status(y);
        return { ...year, counts };
      }),
    );
  }

  @Get(':year')
  @ApiOperation({ summary: 'Every service expected to file the year, with where its return stands: who has not filed' })
  @ApiReportingYearParam()
  @Access(NPA_STAFF)
  @ApiOkResponse({ type: FilingStatusResponse })
  getReturnYearFilingStatus(@Param('year', ParseReportingYear) year: ReportingYear, @Query() query: YearStatusQuery): Promise<FilingStatusResponse> {
    return this.filing.status(year.startYear, query);
  }

  @Patch(':year')
  @ApiOperation({ summary: "Set the date the year's returns are due" })
  @ApiReportingYearParam()
  @Access(['npa_admin'])
  @ApiOkResponse({ type: ReturnYearSettingsResponse })
  setReturnYearDueDate(
    @Param('year', ParseReportingYear) year: ReportingYear,
    @Body() dto: UpdateReturnYearDto,
    @CurrentUser() actor: Actor,
  ): Promise<ReturnYearSettingsResponse> {
    return this.years.setDueOn(year.startYear, dto.dueOn, actor);
  }

  @Post(':year/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the year: its returns can no longer be filed or corrected, and its snapshot is final' })
  @ApiConflict('2026/27 has not ended yet: it can be closed once its returns have been filed.', '2024/25 is already closed.')
  @ApiReportingYearParam()
  @Access(['npa_admin'])
  @ApiOkResponse({ type: ReturnYearSettingsResponse })
  closeReturnYear(
    @Param('year', ParseReportingYear) year: ReportingYear,
    @Body(NoBody) _body: undefined,
    @CurrentUser() actor: Actor,
  ): Promise<ReturnYearSettingsResponse> {
    return this.years.close(year.startYear, actor);
  }

  @Post(':year/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed year so a return can be corrected' })
  @ApiConflict('2025/26 is not closed.')
  @ApiReportingYearParam()
  @Access(['npa_admin'])
  @ApiOkResponse({ type: ReturnYearSettingsResponse })
  reopenReturnYear(
    @Param('year', ParseReportingYear) year: ReportingYear,
    @Body(NoBody) _body: undefined,
    @CurrentUser() actor: Actor,
  ): Promise<ReturnYearSettingsResponse> {
    return this.years.reopen(year.startYear, actor);
  }
}
