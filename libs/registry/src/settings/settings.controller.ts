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

  @Post(':id/inspections')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  recordInspection(@Param('id', ParseId) id: string, @Body() dto: InspectionDto, @CurrentUser() actor: Actor) {
    return this.settings.recordInspection(id, dto, actor);
  }

  @Get(':id/inspections')
  @Access(STAFF_OR_CONTACT, OWN_SETTING)
  listInspections(@Param('id', ParseId) id: string) {
    return this.settings.listInspections(id);
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
