import { ApiConflict } from '@npa/platform';
import { InspectionResponse, SettingPage, SettingResponse, SettingStaffPage, SettingStaffResponse } from './settings.responses';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NPA_STAFF, pageOf, ParseId } from '@npa/platform';
import { AddStaffDto, CreateSettingDto, EndStaffDto, InspectionDto, SettingQuery, StaffQuery, UpdateSettingDto } from './settings.dto';
import { SettingsService } from './settings.service';

const STAFF_OR_CONTACT = [...NPA_STAFF, 'setting_contact'] as const;
const OWN_SETTING = { kind: 'setting', param: 'id' };

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

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

  /** Record an Ofsted inspection and its grade. */
  @Post(':id/inspections')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  recordInspection(@Param('id', ParseId) id: string, @Body() dto: InspectionDto, @CurrentUser() actor: Actor): Promise<InspectionResponse> {
    return this.settings.recordInspection(id, dto, actor);
  }

  /** The setting's Ofsted inspections. */
  @Get(':id/inspections')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  listInspections(@Param('id', ParseId) id: string): Promise<InspectionResponse[]> {
    return this.settings.listInspections(id);
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
