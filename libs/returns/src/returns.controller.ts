import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Actor, ApiConflict, CurrentUser, NPA_STAFF, ParseId } from '@npa/platform';
import { FileReturnDto } from './returns.dto';
import { ReturnResponse } from './returns.responses';
import { ReturnsService } from './returns.service';
import type { ReportingYear } from './rules/reporting-year';
import { ApiReportingYearParam, ParseReportingYear } from './year.pipe';

const STAFF_OR_MANAGER = [...NPA_STAFF, 'service_manager'] as const;
const OWN_SERVICE = { kind: 'service', param: 'id' };

// A handler that declares an error response of its own (409, 413, the year's 400) gets no 2xx from the swagger
// plugin (it adds one only where none is declared), so those handlers name their answer here as well.
@ApiTags('annual returns')
@ApiBearerAuth()
@Controller('services/:id/returns')
export class ReturnsController {
  constructor(private readonly returns: ReturnsService) {}

  @Get()
  @ApiOperation({ summary: "The service's returns, one per reporting year since it was registered, latest first" })
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  listServiceReturns(@Param('id', ParseId) id: string): Promise<ReturnResponse[]> {
    return this.returns.list(id);
  }

  @Get(':year')
  @ApiOperation({ summary: "One year's return (year written 2025-26) beside last year's figures" })
  @ApiReportingYearParam()
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  @ApiOkResponse({ type: ReturnResponse })
  getServiceReturn(@Param('id', ParseId) id: string, @Param('year', ParseReportingYear) year: ReportingYear): Promise<ReturnResponse> {
    return this.returns.get(id, year.startYear);
  }

  @Put(':year')
  @ApiOperation({ summary: "File or correct the year's return; refused once the NPA has closed the year" })
  @ApiConflict(
    'The 2026/27 return can be filed from 1 April 2027, once the year has ended.',
    'The NPA has closed 2024/25: its returns can no longer be changed. Ask the NPA office if a figure is wrong.',
    'Hilltop Portage was registered on 2 May 2026, after 2025/26 ended: no return is due for it.',
  )
  @ApiReportingYearParam()
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  @ApiOkResponse({ type: ReturnResponse })
  fileServiceReturn(
    @Param('id', ParseId) id: string,
    @Param('year', ParseReportingYear) year: ReportingYear,
    @Body() dto: FileReturnDto,
    @CurrentUser() actor: Actor,
  ): Promise<ReturnResponse> {
    return this.returns.file(id, year.startYear, dto, actor);
  }
}
