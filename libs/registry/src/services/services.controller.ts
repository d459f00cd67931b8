import { ApiConflict } from '@npa/platform';
import { NetworkingAttendancePage, NetworkingAttendanceResponse, ServicePage, ServiceResponse, TeamMemberResponse, TeamPage } from './services.responses';
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

  /** Register a Portage service: it is given its registration number. */
  @Post()
  @Access(NPA_STAFF)
  registerService(@Body() dto: CreateServiceDto, @CurrentUser() actor: Actor): Promise<ServiceResponse> {
    return this.services.register(dto, actor);
  }

  /** List services (a service manager sees their own). */
  @Get()
  @Access(STAFF_OR_MANAGER)
  async listServices(@Query() query: ServiceQuery, @CurrentUser() actor: Actor): Promise<ServicePage> {
    const { items, total } = await this.services.list(query, actor);
    return pageOf(items, total, query);
  }

  /** One service. */
  @Get(':id')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  getService(@Param('id', ParseId) id: string): Promise<ServiceResponse> {
    return this.services.get(id);
  }

  /** Change a service's details. */
  @Patch(':id')
  @Access(NPA_STAFF)
  updateService(@Param('id', ParseId) id: string, @Body() dto: UpdateServiceDto, @CurrentUser() actor: Actor): Promise<ServiceResponse> {
    return this.services.update(id, dto, actor);
  }

  /** Give a person a post in the service's team. */
  @Post(':id/team')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  @ApiConflict('Ann Smith already has a post in this team over those dates; end it first.')
  addTeamMember(@Param('id', ParseId) id: string, @Body() dto: AddTeamMemberDto, @CurrentUser() actor: Actor): Promise<TeamMemberResponse> {
    return this.team.add(id, dto, actor);
  }

  /** The service's team: every post, current and ended. */
  @Get(':id/team')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  async listTeam(@Param('id', ParseId) id: string, @Query() query: TeamQuery): Promise<TeamPage> {
    const { items, total } = await this.team.list(id, query);
    return pageOf(items, total, query);
  }

  /** Change a post: its end date when a member leaves. */
  @Patch(':id/team/:memberId')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  updateTeamMember(
    @Param('id', ParseId) id: string,
    @Param('memberId', ParseId) memberId: string,
    @Body() dto: UpdateTeamMemberDto,
    @CurrentUser() actor: Actor,
  ): Promise<TeamMemberResponse> {
    return this.team.update(id, memberId, dto, actor);
  }

  /** Record that the service attended a networking event. */
  @Post(':id/networking-attendance')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  recordNetworkingAttendance(
    @Param('id', ParseId) id: string,
    @Body() dto: NetworkingAttendanceDto,
    @CurrentUser() actor: Actor,
  ): Promise<NetworkingAttendanceResponse> {
    return this.team.recordNetworking(id, dto, actor);
  }

  /** The service's networking attendance. */
  @Get(':id/networking-attendance')
  @Access(STAFF_OR_MANAGER, OWN_SERVICE)
  async listNetworkingAttendance(@Param('id', ParseId) id: string, @Query() query: DateRangeQuery): Promise<NetworkingAttendancePage> {
    const { items, total } = await this.team.listNetworking(id, query);
    return pageOf(items, total, query);
  }
}
