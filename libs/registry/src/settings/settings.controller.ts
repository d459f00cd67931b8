import { ApiConflict } from '@npa/platform';
import { InspectionResponse, SettingPage, SettingResponse, SettingStaffPage, SettingStaffResponse, StaffCountChangeResponse } from './settings.responses';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NoBody, NPA_STAFF, pageOf, ParseId } from '@npa/platform';
import { InspectionsService } from './inspections.service';
import { AddStaffDto, CreateSettingDto, EndStaffDto, InspectionDto, RejectInspectionDto, SettingQuery, StaffQuery, UpdateSettingDto } from './settings.dto';
import { SettingsService } from './settings.service';

const STAFF_OR_CONTACT = [...NPA_STAFF, 'setting_contact'] as const;
const OWN_SETTING = { kind: 'setting', param: 'id' };

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(
    private readonly settings: SettingsService,
    private readonly inspections: InspectionsService,
  ) {}

  /** Add an early years setting to the register. */
  @Post()
  @Access(NPA_STAFF)
  @ApiConflict('A setting with Ofsted URN 123456 is already on the register.')
  createSetting(@Body() dto: CreateSettingDto, @CurrentUser() actor: Actor): Promise<SettingResponse> {
    return this.settings.create(dto, actor);
  }

  /** List settings (a setting contact sees their own). */
  @Get()
  @Access(STAFF_OR_CONTACT)
  async listSettings(@Query() query: SettingQuery, @CurrentUser() actor: Actor): Promise<SettingPage> {
    const { items, total } = await this.settings.list(query, actor);
    return pageOf(items, total, query);
  }

  /** One setting. */
  @Get(':id')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  getSetting(@Param('id', ParseId) id: string): Promise<SettingResponse> {
    return this.settings.get(id);
  }

  /** Change a setting's details. */
  @Patch(':id')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  updateSetting(@Param('id', ParseId) id: string, @Body() dto: UpdateSettingDto, @CurrentUser() actor: Actor): Promise<SettingResponse> {
    return this.settings.update(id, dto, actor);
  }

  /**
   * NPA staff record an inspection (201, status `recorded`). A setting contact's call is a proposal:
   * 202 Accepted with status `proposed`, counted for SA-OFSTED only once NPA staff confirm it.
   */
  @Post(':id/inspections')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  @ApiResponse({ status: 201, description: 'Recorded by NPA staff: it counts for SA-OFSTED.', type: InspectionResponse })
  @ApiResponse({ status: 202, description: "A setting contact's proposal, waiting for NPA staff.", type: InspectionResponse })
  async recordInspection(
    @Param('id', ParseId) id: string,
    @Body() dto: InspectionDto,
    @CurrentUser() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InspectionResponse> {
    const inspection = await this.inspections.record(id, dto, actor);
    if (inspection.status === 'proposed') void reply.status(202);
    return inspection;
  }

  /** The setting's Ofsted inspections. */
  @Get(':id/inspections')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  listInspections(@Param('id', ParseId) id: string): Promise<InspectionResponse[]> {
    return this.inspections.list(id);
  }

  /** NPA staff confirm a setting's proposed inspection: from now on it counts for SA-OFSTED. */
  @Post(':id/inspections/:inspectionId/confirm')
  @HttpCode(200)
  @Access(NPA_STAFF)
  confirmInspection(
    @Param('id', ParseId) id: string,
    @Param('inspectionId', ParseId) inspectionId: string,
    @Body(NoBody) _body: undefined,
    @CurrentUser() actor: Actor,
  ): Promise<InspectionResponse> {
    return this.inspections.confirm(id, inspectionId, actor);
  }

  /** NPA staff reject a setting's proposed inspection with a reason the setting sees; it never counts. */
  @Post(':id/inspections/:inspectionId/reject')
  @HttpCode(200)
  @Access(NPA_STAFF)
  rejectInspection(
    @Param('id', ParseId) id: string,
    @Param('inspectionId', ParseId) inspectionId: string,
    @Body() dto: RejectInspectionDto,
    @CurrentUser() actor: Actor,
  ): Promise<InspectionResponse> {
    return this.inspections.reject(id, inspectionId, dto.reason, actor);
  }

  /** Every change to the declared staff count, who made it and when, newest first. */
  @Get(':id/staff-count-changes')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  listStaffCountChanges(@Param('id', ParseId) id: string): Promise<StaffCountChangeResponse[]> {
    return this.settings.staffCountChanges(id);
  }

  /** Add a person to the setting's staff. */
  @Post(':id/staff')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  @ApiConflict("Ann Smith is already on this setting's staff over those dates.")
  addStaff(@Param('id', ParseId) id: string, @Body() dto: AddStaffDto, @CurrentUser() actor: Actor): Promise<SettingStaffResponse> {
    return this.settings.addStaff(id, dto, actor);
  }

  /** End a person's time on the staff. */
  @Patch(':id/staff/:staffId')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  endStaff(
    @Param('id', ParseId) id: string,
    @Param('staffId', ParseId) staffId: string,
    @Body() dto: EndStaffDto,
    @CurrentUser() actor: Actor,
  ): Promise<SettingStaffResponse> {
    return this.settings.endStaff(id, staffId, dto, actor);
  }

  /** The setting's staff, current and past. */
  @Get(':id/staff')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  async listStaff(@Param('id', ParseId) id: string, @Query() query: StaffQuery): Promise<SettingStaffPage> {
    const { items, total } = await this.settings.listStaff(id, query);
    return pageOf(items, total, query);
  }
}
