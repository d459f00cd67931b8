import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NPA_STAFF, NoBody, ParseId } from '@npa/platform';
import { AsOfQuery, EvaluateAllDto, OverviewQuery, WhatIfDto } from './compliance.dto';
import { ComplianceService } from './compliance.service';
import { ComplianceLetters } from './compliance-letters';
import { RuleParametersService } from './rule-parameters.service';
import { ruleParamsSchema } from './rules/params';

const STAFF_OR_MANAGER = [...NPA_STAFF, 'service_manager'] as const;
const STAFF_OR_CONTACT = [...NPA_STAFF, 'setting_contact'] as const;

@ApiTags('compliance')
@ApiBearerAuth()
@Controller()
export class ComplianceController {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly parameters: RuleParametersService,
    private readonly letters: ComplianceLetters,
  ) {}

  @Get('services/:id/compliance')
  @Access(STAFF_OR_MANAGER, { kind: 'service', param: 'id' })
  service(@Param('id', ParseId) id: string, @Query() query: AsOfQuery) {
    return this.compliance.service(id, query.asOf);
  }

  @Get('services/:id/compliance/history')
  @Access(STAFF_OR_MANAGER, { kind: 'service', param: 'id' })
  serviceHistory(@Param('id', ParseId) id: string) {
    return this.compliance.history('service', id);
  }

  @Post('services/:id/compliance/what-if')
  @HttpCode(200)
  @Access(STAFF_OR_MANAGER, { kind: 'service', param: 'id' })
  whatIf(@Param('id', ParseId) id: string, @Body() dto: WhatIfDto) {
    return this.compliance.whatIf(id, dto);
  }

  @Get('settings/:id/compliance')
  @Access(STAFF_OR_CONTACT, { kind: 'setting', param: 'id' })
  setting(@Param('id', ParseId) id: string, @Query() query: AsOfQuery) {
    return this.compliance.setting(id, query.asOf);
  }

  @Get('compliance')
  @Access(NPA_STAFF)
  overview(@Query() query: OverviewQuery) {
    return this.compliance.overview(query);
  }

  @Post('services/:id/letters')
  @Access(NPA_STAFF, { kind: 'service', param: 'id' })
  requestLetter(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor) {
    return this.letters.onDemand(id, actor);
  }

  @Post('compliance/snapshots')
  @Access(['npa_admin'])
  snapshot(@Body() dto: EvaluateAllDto) {
    return this.compliance.snapshotAll(dto.asOf, this.letters.onStatusChange);
  }

  @Get('compliance/parameters')
  @Access(NPA_STAFF)
  async parametersNow() {
    return { ...(await this.parameters.current()), schema: ruleParamsSchema, history: await this.parameters.history() };
  }

  @Put('compliance/parameters')
  @Access(['npa_admin'])
  updateParameters(@Body() changes: Record<string, unknown>, @CurrentUser() actor: Actor) {
    return this.parameters.update(changes, actor);
  }
}
