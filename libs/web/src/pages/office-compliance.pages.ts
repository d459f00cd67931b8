import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AsOfQuery, OverviewQuery, ComplianceService, ComplianceLetters, SERVICE_RULES } from '@npa/compliance';
import { ServicesService } from '@npa/registry';
import { PageAccess, Actor, CurrentUser, NPA_STAFF, csvText, ParseId, validateInput } from '@npa/platform';
import { actionableErrors, page, PageReply, redirectWithNotice } from './render';

const FILTERS = ['status', 'rule', 'region', 'asOf', 'page'] as const;
const title = (id: string) => SERVICE_RULES.find((r) => r.id === id)?.title ?? id;

/** The filters a GET form sent, empty boxes left out, checked as the API checks them. */
function overviewQuery(raw: Record<string, unknown>): OverviewQuery {
  const given = Object.fromEntries(FILTERS.filter((k) => typeof raw[k] === 'string' && raw[k] !== '').map((k) => [k, String(raw[k]).trim()]));
  return validateInput(OverviewQuery, given);
}

/** The registration compliance of services for the NPA office: the overview, its CSV, and one service. */
@ApiExcludeController()
@Controller('office')
export class OfficeCompliancePages {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly letters: ComplianceLetters,
    private readonly services: ServicesService,
  ) {}

  @Get('compliance')
  @PageAccess(NPA_STAFF)
  async overview(@PageReply() reply: PageReply, @Query() raw: Record<string, unknown>) {
    const filters = { status: raw.status, rule: raw.rule, region: raw.region, asOf: raw.asOf };
    let query: OverviewQuery;
    try {
      query = overviewQuery(raw);
    } catch (error) {
      const errors = actionableErrors(error, { status: 'Status', rule: 'Rule', region: 'Region', asOf: 'Date', page: 'Page' });
      return page(reply, 'office/compliance', { title: 'Compliance', filters, rules: SERVICE_RULES, errors }, 400);
    }
    const overview = await this.compliance.overview(query);
    const search = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
    const link = (n: number) => `/office/compliance?${new URLSearchParams([...search, ['page', String(n)]]).toString()}`;
    const pages = Math.max(1, Math.ceil(overview.total / overview.pageSize));
    return page(reply, 'office/compliance', {
      title: 'Compliance',
      filters,
      rules: SERVICE_RULES.map((r) => ({ ...r, failing: overview.counts.failingByRule[r.id] ?? 0 })),
      overview,
      csv: `/office/compliance.csv${search.size ? `?${search.toString()}` : ''}`,
      previous: overview.page > 1 ? link(overview.page - 1) : null,
      next: overview.page < pages ? link(overview.page + 1) : null,
      pages,
    });
  }

  @Get('compliance.csv')
  @PageAccess(NPA_STAFF)
  async csv(@PageReply() reply: PageReply, @Query() raw: Record<string, unknown>) {
    const query = Object.assign(overviewQuery({ ...raw, page: undefined }), { page: 1, pageSize: Number.MAX_SAFE_INTEGER });
    const overview = await this.compliance.overview(query);
    const rows = overview.items.map((s) => [s.name, s.registrationNumber, s.region, s.status, s.failing.join(' ')]);
    const body = csvText(['service', 'registration_number', 'region', 'status', 'failing_rules'], rows);
    return reply
      .headers({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="compliance-${overview.asOf}.csv"`,
        'cache-control': 'private, no-store',
      })
      .send(body);
  }

  @Get('services/:id')
  @PageAccess(NPA_STAFF, { kind: 'service', param: 'id' })
  async service(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @Query('asOf') asOf?: string, @Query('notice') notice?: string) {
    const service = await this.services.get(id);
    let errors = null;
    let date: string | undefined;
    try {
      date = validateInput(AsOfQuery, asOf ? { asOf } : {}).asOf;
    } catch (error) {
      errors = actionableErrors(error, { asOf: 'Date' });
    }
    const [evaluation, history] = await Promise.all([this.compliance.service(id, date), this.compliance.history('service', id)]);
    return page(
      reply,
      'office/service-compliance',
      {
        title: `${service.name}: compliance`,
        back: '/office/compliance',
        notice,
        service,
        asOf: asOf ?? '',
        evaluation: { ...evaluation, rules: evaluation.rules.map((r) => ({ ...r, title: title(r.id) })) },
        history: history.reverse().map((h) => ({ ...h, changedRules: h.changedRules.map((c) => ({ ...c, title: title(c.id) })) })),
        errors,
      },
      errors ? 400 : 200,
    );
  }

  @Post('services/:id/letters')
  @PageAccess(NPA_STAFF, { kind: 'service', param: 'id' })
  async sendLetter(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @CurrentUser() actor: Actor) {
    const letter = await this.letters.onDemand(id, actor);
    return redirectWithNotice(reply, `/office/services/${id}`, `A registration compliance letter as of ${letter.asOf} is on its way to the service's managers`);
  }
}
