import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageAccess, Actor, CurrentUser, invalid, validateInput } from '@npa/platform';
import { PeopleService, AddTeamMemberDto, DateRangeQuery, UpdateTeamMemberDto, TeamService } from '@npa/registry';
import { RecordSessionDto, SupervisionService } from '@npa/supervision';
import { FormBody, list, num, statusOf, text } from './form-input';
import { formErrors, page, redirectWithNotice } from './render';
import { ServiceOverview } from './service-overview';

const MANAGER = ['service_manager'] as const;
const MEMBER_LABELS = { email: 'Email address', name: 'Name', role: 'Role', fte: 'FTE', caseload: 'Caseload', startDate: 'Start date' };
const LEAVER_LABELS = { memberId: 'Team member', endDate: 'Last day' };
const SESSION_LABELS = { date: 'Date', supervisorId: 'Supervisor', practitionerIds: 'Practitioners' };
// Any well-formed id: the DTO checks the rest of the form before a new person is put on the register.
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** The service manager's team and supervision log, changed through the same services as the API. */
@ApiExcludeController()
@Controller('service')
export class ServiceTeamPages {
  constructor(
    private readonly overview: ServiceOverview,
    private readonly team: TeamService,
    private readonly people: PeopleService,
    private readonly supervision: SupervisionService,
  ) {}

  @Get('team')
  @PageAccess(MANAGER)
  async teamPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() actor: Actor, @Query('notice') notice?: string) {
    return page(request, reply, 'service/team', { title: 'Team', notice, ...(await this.overview.teamRows(actor.organisationId!)) });
  }

  /** Someone on the register (their email and name) or someone new: PeopleService.forPost decides which. */
  @Post('team')
  @PageAccess(MANAGER)
  async addMember(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() actor: Actor, @Body() body: FormBody) {
    const serviceId = actor.organisationId!;
    const values = {
      email: text(body, 'email'),
      name: text(body, 'name'),
      role: text(body, 'role'),
      fte: num(body, 'fte'),
      caseload: num(body, 'caseload'),
      startDate: text(body, 'startDate'),
    };
    try {
      const { email, name, ...post } = values;
      validateInput(AddTeamMemberDto, { personId: PLACEHOLDER_ID, ...post });
      const personId = await this.people.forPost({ email: email ?? '', name: name ?? '' }, actor);
      const added = await this.team.add(serviceId, validateInput(AddTeamMemberDto, { personId, ...post }), actor);
      // The name typed, not the register's: the notice tells the manager nothing they did not say.
      return redirectWithNotice(reply, '/service/team', `${name} added to the team from ${added.startDate}`);
    } catch (error) {
      return this.teamWithErrors(request, reply, serviceId, error, MEMBER_LABELS, { values });
    }
  }

  @Post('team/leaver')
  @PageAccess(MANAGER)
  async leaver(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() actor: Actor, @Body() body: FormBody) {
    const serviceId = actor.organisationId!;
    const leaver = { memberId: text(body, 'memberId'), endDate: text(body, 'endDate') };
    try {
      if (!leaver.memberId) throw invalid('Choose the team member who is leaving.', [{ field: 'memberId', problem: 'must be chosen' }]);
      const left = await this.team.update(serviceId, leaver.memberId, validateInput(UpdateTeamMemberDto, { endDate: leaver.endDate ?? '' }), actor);
      return redirectWithNotice(reply, '/service/team', `${left.name}'s last day is recorded`);
    } catch (error) {
      return this.teamWithErrors(request, reply, serviceId, error, LEAVER_LABELS, { leaver });
    }
  }

  @Get('supervision')
  @PageAccess(MANAGER)
  async supervisionPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() actor: Actor, @Query('notice') notice?: string) {
    return page(request, reply, 'service/supervision', { title: 'Supervision', notice, ...(await this.supervisionData(actor.organisationId!)) });
  }

  @Post('supervision')
  @PageAccess(MANAGER)
  async recordSession(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() actor: Actor, @Body() body: FormBody) {
    const serviceId = actor.organisationId!;
    const values = { date: text(body, 'date') ?? '', supervisorId: text(body, 'supervisorId') ?? '', practitionerIds: list(body, 'practitionerIds') };
    try {
      await this.supervision.record(serviceId, validateInput(RecordSessionDto, values), actor);
      return redirectWithNotice(reply, '/service/supervision', `Supervision session on ${values.date} recorded`);
    } catch (error) {
      const errors = formErrors(error, SESSION_LABELS);
      if (!errors) throw error;
      const data = await this.supervisionData(serviceId);
      const checked = new Set(values.practitionerIds);
      return page(
        request,
        reply,
        'service/supervision',
        { title: 'Supervision', ...data, values, practitioners: data.practitioners.map((p) => ({ ...p, checked: checked.has(p.personId) })), errors },
        statusOf(error),
      );
    }
  }

  private async supervisionData(serviceId: string) {
    const [team, log] = await Promise.all([
      this.overview.teamRows(serviceId),
      this.supervision.list(serviceId, Object.assign(new DateRangeQuery(), { pageSize: 200 })),
    ]);
    const names = new Map(team.rows.map((r) => [r.personId, r.name]));
    const people = [...new Map(team.rows.map((r) => [r.personId, { personId: r.personId, name: r.name, current: r.current, role: r.role }])).values()];
    const sessions = log.items.map((s) => ({
      ...s,
      supervisor: names.get(s.supervisorId) ?? 'Unknown',
      practitioners: s.practitionerIds.map((id) => names.get(id) ?? 'Unknown').join(', '),
    }));
    const practitioners = [
      ...new Map(
        team.current.filter((r) => r.role === 'practitioner').map((r) => [r.personId, { personId: r.personId, name: r.name, checked: false }]),
      ).values(),
    ];
    return { ...team, sessions, supervisors: people, practitioners, total: log.total };
  }

  private async teamWithErrors(
    request: FastifyRequest,
    reply: FastifyReply,
    serviceId: string,
    error: unknown,
    labels: Record<string, string>,
    kept: Record<string, unknown>,
  ) {
    const errors = formErrors(error, labels);
    if (!errors) throw error;
    return page(request, reply, 'service/team', { title: 'Team', ...(await this.overview.teamRows(serviceId)), ...kept, errors }, statusOf(error));
  }
}
