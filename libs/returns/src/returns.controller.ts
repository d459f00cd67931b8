import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NPA_STAFF, ParseId } from '@npa/platform';
import { FileReturnDto } from './returns.dto';
import { ReturnResponse } from './returns.responses';
import { ReturnsService } from './returns.service';
import type { ReportingYear } from './rules/reporting-year';
import { ApiReportingYearParam, ParseReportingYear } from './year.pipe';

const STAFF_OR_MANAGER = [...NPA_STAFF, 'service_manager'] as const;
const OWN_SERVICE = { kind: 'service', param: 'id' };

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
  getServiceReturn(@Param('id', ParseId) id: string, @Param('year', ParseReportingYear) year: ReportingYear): Promise<ReturnResponse> {
    return this.returns.get(id, year.startYear);
  }

  @Put(':year')
  @ApiOperation({ summary: "File or correct the year's return; refused once the NPA has closed the year" })
  @ApiReportingYearParam()
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  fileServiceReturn(
    @Param('id', ParseId) id: string,
    @Param('year', ParseReportingYear) year: ReportingYear,
    @Body() dto: FileReturnDto,
    @CurrentUser() actor: Actor,
  ): Promise<ReturnResponse> {
    return this.returns.file(id, year.startYear, dto, actor);
  }
}
