import { ApiBody } from '@nestjs/swagger';
import {
  ComplianceHistoryEntry,
  ComplianceLetterRequested,
  ComplianceOverviewResponse,
  RuleParametersResponse,
  RuleParametersUpdated,
  ServiceComplianceResponse,
  SettingComplianceResponse,
  SnapshotRunResponse,
  WhatIfResponse,
} from './compliance.responses';
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

  /** A service's compliance with the Code as of a date (today when asOf is absent): its status and every rule's outcome. */
  @Get('services/:id/compliance')
  @Access(STAFF_OR_MANAGER, { kind: 'service', param: 'id' })
  getServiceCompliance(@Param('id', ParseId) id: string, @Query() query: AsOfQuery): Promise<ServiceComplianceResponse> {
    return this.compliance.service(id, query.asOf);
  }

  /** The recorded changes of a service's compliance, newest first. */
  @Get('services/:id/compliance/history')
  @Access(STAFF_OR_MANAGER, { kind: 'service', param: 'id' })
  listServiceComplianceHistory(@Param('id', ParseId) id: string): Promise<ComplianceHistoryEntry[]> {
    return this.compliance.history('service', id);
  }

  /** What a service's compliance would be with some changes to its team (nothing is saved). */
  @Post('services/:id/compliance/what-if')
  @HttpCode(200)
  @Access(STAFF_OR_MANAGER, { kind: 'service', param: 'id' })
  previewServiceCompliance(@Param('id', ParseId) id: string, @Body() dto: WhatIfDto): Promise<WhatIfResponse> {
    return this.compliance.whatIf(id, dto);
  }

  /** A setting's compliance as of a date (today when asOf is absent). */
  @Get('settings/:id/compliance')
  @Access(STAFF_OR_CONTACT, { kind: 'setting', param: 'id' })
  getSettingCompliance(@Param('id', ParseId) id: string, @Query() query: AsOfQuery): Promise<SettingComplianceResponse> {
    return this.compliance.setting(id, query.asOf);
  }

  /** Every service with its status as of a date, and counts of the register. */
  @Get('compliance')
  @Access(NPA_STAFF)
  listCompliance(@Query() query: OverviewQuery): Promise<ComplianceOverviewResponse> {
    return this.compliance.overview(query);
  }

  /** Ask for a letter to the service stating its compliance today; the worker composes and emails it. */
  @Post('services/:id/letters')
  @Access(NPA_STAFF, { kind: 'service', param: 'id' })
  requestComplianceLetter(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor): Promise<ComplianceLetterRequested> {
    return this.letters.onDemand(id, actor);
  }

  /** Judge the whole register as of a date now and record the results, as the daily sweep does. */
  @Post('compliance/snapshots')
  @Access(['npa_admin'])
  recordComplianceSnapshots(@Body() dto: EvaluateAllDto): Promise<SnapshotRunResponse> {
    return this.compliance.snapshotAll(dto.asOf, this.letters.onStatusChange);
  }

  /** The rule parameters in force, what each means, and their earlier versions. */
  @Get('compliance/parameters')
  @Access(NPA_STAFF)
  async getRuleParameters(): Promise<RuleParametersResponse> {
    return { ...(await this.parameters.current()), schema: ruleParamsSchema, history: await this.parameters.history() };
  }

  /** Change some rule parameters: a new version, used from now on. */
  @Put('compliance/parameters')
  @Access(['npa_admin'])
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: { type: 'number' },
      description: 'The parameters to change, by name (GET /compliance/parameters lists them with their bounds).',
    },
  })
  updateRuleParameters(@Body() changes: Record<string, unknown>, @CurrentUser() actor: Actor): Promise<RuleParametersUpdated> {
    return this.parameters.update(changes, actor);
  }
}
