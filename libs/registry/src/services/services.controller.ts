import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NPA_STAFF, pageOf, ParseId } from '@npa/platform';
import {
  AddTeamMemberDto,
  CreateServiceDto,
  DateRangeQuery,
  NetworkingAttendanceDto,
  ServiceQuery,
  TeamQuery,
  UpdateServiceDto,
  UpdateTeamMemberDto,
} from './services.dto';
import { ServicesService } from './services.service';
import { TeamService } from './team.service';

const STAFF_OR_MANAGER = [...NPA_STAFF, 'service_manager'] as const;
const OWN_SERVICE = { kind: 'service', param: 'id' };

@ApiTags('services')
@ApiBearerAuth()
@Controller('services')
export class ServicesController {
  constructor(
    private readonly services: ServicesService,
    private readonly team: TeamService,
  ) {}

  @Post()
  @Access(NPA_STAFF)
  register(@Body() dto: CreateServiceDto, @CurrentUser() actor: Actor) {
    return this.services.register(dto, actor);
  }

  @Get()
  @Access(STAFF_OR_MANAGER)
  async list(@Query() query: ServiceQuery, @CurrentUser() actor: Actor) {
    const { items, total } = await this.services.list(query, actor);
    return pageOf(items, total, query);
  }

  @Get(':id')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  get(@Param('id', ParseId) id: string) {
    return this.services.get(id);
  }

  @Patch(':id')
  @Access(NPA_STAFF)
  update(@Param('id', ParseId) id: string, @Body() dto: UpdateServiceDto, @CurrentUser() actor: Actor) {
    return this.services.update(id, dto, actor);
  }

  @Post(':id/team')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  addTeamMember(@Param('id', ParseId) id: string, @Body() dto: AddTeamMemberDto, @CurrentUser() actor: Actor) {
    return this.team.add(id, dto, actor);
  }

  @Get(':id/team')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  async listTeam(@Param('id', ParseId) id: string, @Query() query: TeamQuery) {
    const { items, total } = await this.team.list(id, query);
    return pageOf(items, total, query);
  }

  @Patch(':id/team/:memberId')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  updateTeamMember(
    @Param('id', ParseId) id: string,
    @Param('memberId', ParseId) memberId: string,
    @Body() dto: UpdateTeamMemberDto,
    @CurrentUser() actor: Actor,
  ) {
    return this.team.update(id, memberId, dto, actor);
  }

  @Post(':id/networking-attendance')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  recordNetworking(@Param('id', ParseId) id: string, @Body() dto: NetworkingAttendanceDto, @CurrentUser() actor: Actor) {
    return this.team.recordNetworking(id, dto, actor);
  }

  @Get(':id/networking-attendance')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  async listNetworking(@Param('id', ParseId) id: string, @Query() query: DateRangeQuery) {
    const { items, total } = await this.team.listNetworking(id, query);
    return pageOf(items, total, query);
  }
}
