import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, Actor, CurrentUser, invalid, validateInput } from '@npa/platform';
import { PeopleService, AddTeamMemberDto, DateRangeQuery, UpdateTeamMemberDto, TeamService } from '@npa/registry';
import { RecordSessionDto, SupervisionService } from '@npa/supervision';
import { FormBody, list, num, text } from './form-input';
import { type FormError, page, PageReply, redirectWithNotice, withFormErrors } from './render';
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
  async teamPage(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Query('notice') notice?: string) {
    return page(reply, 'service/team', { title: 'Team', notice, ...(await this.overview.teamRows(actor.organisationId!)) });
  }

  /** Someone on the register (their email and name) or someone new: PeopleService.forPost decides which. */
  @Post('team')
  @PageAccess(MANAGER)
  async addMember(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Body() body: FormBody) {
    const serviceId = actor.organisationId!;
    const values = {
      email: text(body, 'email'),
      name: text(body, 'name'),
      role: text(body, 'role'),
      fte: num(body, 'fte'),
      caseload: num(body, 'caseload'),
      startDate: text(body, 'startDate'),
    };
    return withFormErrors(
      async () => {
        const { email, name, ...post } = values;
        validateInput(AddTeamMemberDto, { personId: PLACEHOLDER_ID, ...post });
        const personId = await this.people.forPost({ email: email ?? '', name: name ?? '' }, actor);
        const added = await this.team.add(serviceId, validateInput(AddTeamMemberDto, { personId, ...post }), actor);
        // The name typed, not the register's: the notice tells the manager nothing they did not say.
        return redirectWithNotice(reply, '/service/team', `${name} added to the team from ${added.startDate}`);
      },
      MEMBER_LABELS,
      this.teamWithErrors(reply, serviceId, { values }),
    );
  }

  @Post('team/leaver')
  @PageAccess(MANAGER)
  async leaver(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Body() body: FormBody) {
    const serviceId = actor.organisationId!;
    const leaver = { memberId: text(body, 'memberId'), endDate: text(body, 'endDate') };
    return withFormErrors(
      async () => {
        if (!leaver.memberId) throw invalid('Choose the team member who is leaving.', [{ field: 'memberId', problem: 'must be chosen' }]);
        const left = await this.team.update(serviceId, leaver.memberId, validateInput(UpdateTeamMemberDto, { endDate: leaver.endDate ?? '' }), actor);
        return redirectWithNotice(reply, '/service/team', `${left.name}'s last day is recorded`);
      },
      LEAVER_LABELS,
      this.teamWithErrors(reply, serviceId, { leaver }),
    );
  }

  @Get('supervision')
  @PageAccess(MANAGER)
  async supervisionPage(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Query('notice') notice?: string) {
    return page(reply, 'service/supervision', { title: 'Supervision', notice, ...(await this.supervisionData(actor.organisationId!)) });
  }

  @Post('supervision')
  @PageAccess(MANAGER)
  async recordSession(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Body() body: FormBody) {
    const serviceId = actor.organisationId!;
    const values = { date: text(body, 'date') ?? '', supervisorId: text(body, 'supervisorId') ?? '', practitionerIds: list(body, 'practitionerIds') };
    return withFormErrors(
      async () => {
        await this.supervision.record(serviceId, validateInput(RecordSessionDto, values), actor);
        return redirectWithNotice(reply, '/service/supervision', `Supervision session on ${values.date} recorded`);
      },
      SESSION_LABELS,
      async (errors, status) => {
        const data = await this.supervisionData(serviceId);
        const checked = new Set(values.practitionerIds);
        return page(
          reply,
          'service/supervision',
          { title: 'Supervision', ...data, values, practitioners: data.practitioners.map((p) => ({ ...p, checked: checked.has(p.personId) })), errors },
          status,
        );
      },
    );
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

  /** The team page again with a refused form's errors and what was typed. */
  private teamWithErrors(reply: PageReply, serviceId: string, kept: Record<string, unknown>) {
    return async (errors: FormError[], status: number) =>
      page(reply, 'service/team', { title: 'Team', ...(await this.overview.teamRows(serviceId)), ...kept, errors }, status);
  }
}
