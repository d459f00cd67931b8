import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

  @Post()
  @Access(NPA_STAFF)
  create(@Body() dto: CreateSettingDto, @CurrentUser() actor: Actor) {
    return this.settings.create(dto, actor);
  }

  @Get()
  @Access(STAFF_OR_CONTACT)
  async list(@Query() query: SettingQuery, @CurrentUser() actor: Actor) {
    const { items, total } = await this.settings.list(query, actor);
    return pageOf(items, total, query);
  }

  @Get(':id')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  get(@Param('id', ParseId) id: string) {
    return this.settings.get(id);
  }

  @Patch(':id')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  update(@Param('id', ParseId) id: string, @Body() dto: UpdateSettingDto, @CurrentUser() actor: Actor) {
    return this.settings.update(id, dto, actor);
  }

  /**
   * NPA staff record an inspection (201, status `recorded`). A setting contact's call is a proposal:
   * 202 Accepted with status `proposed`, counted for SA-OFSTED only once NPA staff confirm it.
   */
  @Post(':id/inspections')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  async recordInspection(
    @Param('id', ParseId) id: string,
    @Body() dto: InspectionDto,
    @CurrentUser() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const inspection = await this.inspections.record(id, dto, actor);
    if (inspection.status === 'proposed') void reply.status(202);
    return inspection;
  }

  @Get(':id/inspections')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  listInspections(@Param('id', ParseId) id: string) {
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
  ) {
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
  ) {
    return this.inspections.reject(id, inspectionId, dto.reason, actor);
  }

  /** Every change to the declared staff count, who made it and when, newest first. */
  @Get(':id/staff-count-changes')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  staffCountChanges(@Param('id', ParseId) id: string) {
    return this.settings.staffCountChanges(id);
  }

  @Post(':id/staff')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  addStaff(@Param('id', ParseId) id: string, @Body() dto: AddStaffDto, @CurrentUser() actor: Actor) {
    return this.settings.addStaff(id, dto, actor);
  }

  @Patch(':id/staff/:staffId')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  endStaff(@Param('id', ParseId) id: string, @Param('staffId', ParseId) staffId: string, @Body() dto: EndStaffDto, @CurrentUser() actor: Actor) {
    return this.settings.endStaff(id, staffId, dto, actor);
  }

  @Get(':id/staff')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  async listStaff(@Param('id', ParseId) id: string, @Query() query: StaffQuery) {
    const { items, total } = await this.settings.listStaff(id, query);
    return pageOf(items, total, query);
  }
}
