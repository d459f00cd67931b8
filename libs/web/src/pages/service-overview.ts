import { Injectable } from '@nestjs/common';
import { Clock } from '@npa/platform';
import { ComplianceService, FactsLoader, SERVICE_RULES, isActiveOn, isTrainedOn, membershipOn } from '@npa/compliance';
import { LettersService } from '@npa/letters';
import { RemindersService } from '@npa/reminders';
import { ServicesService, TeamService, TeamQuery } from '@npa/registry';
import { statusChart } from './compliance-chart';

const TITLES = new Map(SERVICE_RULES.map((r) => [r.id, r.title]));

/** What a service manager's pages show, read through the same services the API answers with. */
@Injectable()
export class ServiceOverview {
  constructor(
    private readonly services: ServicesService,
    private readonly team: TeamService,
    private readonly compliance: ComplianceService,
    private readonly facts: FactsLoader,
    private readonly letters: LettersService,
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
  ) {}

  async home(serviceId: string) {
    const today = this.clock.today();
    const [service, evaluation, history, letters, reminders] = await Promise.all([
      this.services.get(serviceId),
      this.compliance.service(serviceId, today),
      this.compliance.history('service', serviceId),
      this.letters.listFor('service', serviceId),
      this.reminders.forOrganisation('service', serviceId),
    ]);
    const rules = evaluation.rules.map((r) => ({ ...r, title: TITLES.get(r.id) ?? r.id }));
    const failing = rules.filter((r) => r.outcome === 'fail');
    const nextSteps = [...failing.filter((r) => r.level === 'essential'), ...failing.filter((r) => r.level === 'desirable')];
    return { service, today, evaluation, rules, nextSteps, letters, reminders, history, chart: statusChart(history, today) };
  }

  /** Everyone who has had a post in the team, current posts first; for current posts, membership and training today. */
  async teamRows(serviceId: string) {
    const today = this.clock.today();
    const [service, { items }, facts] = await Promise.all([
      this.services.get(serviceId),
      this.team.list(serviceId, Object.assign(new TeamQuery(), { pageSize: 500 })),
      this.facts.services([serviceId], today),
    ]);
    const known = facts.get(serviceId);
    const rows = items.map((m) => {
      const current = isActiveOn({ startDate: m.startDate, endDate: m.endDate }, today);
      // Today's membership and training only for a post that covers today (personAccess): a past or
      // backdated post tells the service nothing of the person now.
      const membership = current && known ? membershipOn(m.personId, today, known.memberships) : undefined;
      return {
        ...m,
        current,
        member: membership !== undefined,
        membershipEnds: membership?.endDate ?? null,
        trained: current && known ? isTrainedOn(m.personId, today, known.completions) : false,
      };
    });
    rows.sort((a, b) => Number(b.current) - Number(a.current));
    return { service, today, rows, current: rows.filter((r) => r.current) };
  }
}
