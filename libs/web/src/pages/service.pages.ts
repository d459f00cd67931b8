import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, Actor, CurrentUser, DomainError, ParseId, validateInput } from '@npa/platform';
import { WhatIfDto, ComplianceService, SERVICE_RULES } from '@npa/compliance';
import { LETTER_HTML_HEADERS, LettersService } from '@npa/letters';
import { FormBody, num, text } from './form-input';
import { formErrors, page, PageReply, withFormErrors } from './render';
import { ServiceOverview } from './service-overview';

const MANAGER = ['service_manager'] as const;
const TITLES = new Map(SERVICE_RULES.map((r) => [r.id, r.title]));

// One change at a time; each kind's form has its own field ids so the error summary links to the right one.
const WHAT_IF_FORMS = {
  member_leaves: { prefix: 'leaves', labels: { memberId: 'Team member', endDate: 'Last day' } },
  membership_lapses: { prefix: 'lapses', labels: { personId: 'Person', endDate: 'Last day of membership' } },
  new_starter: { prefix: 'starter', labels: { name: 'Name', role: 'Role', fte: 'FTE', caseload: 'Caseload', startDate: 'Start date' } },
} as const;
type WhatIfKind = keyof typeof WHAT_IF_FORMS;

/** The service manager's own service: its compliance today, its letters and reminders, and what-if. */
@ApiExcludeController()
@Controller('service')
export class ServicePages {
  constructor(
    private readonly overview: ServiceOverview,
    private readonly compliance: ComplianceService,
    private readonly letters: LettersService,
  ) {}

  @Get()
  @PageAccess(MANAGER)
  async home(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Query('notice') notice?: string) {
    const data = await this.overview.home(actor.organisationId!);
    return page(reply, 'service/home', { title: data.service.name, notice, ...data });
  }

  @Get('letters/:id.pdf')
  @PageAccess(MANAGER, { kind: 'letter', param: 'id' })
  async letter(@Param('id', ParseId) id: string, @PageReply() reply: PageReply) {
    const { letter, stream } = await this.letters.file(id, 'pdf');
    return reply
      .headers({
        'content-type': 'application/pdf',
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename="${letter.kind}-${letter.verificationCode}.pdf"`,
      })
      .send(stream);
  }

  @Get('letters/:id.html')
  @PageAccess(MANAGER, { kind: 'letter', param: 'id' })
  async letterHtml(@Param('id', ParseId) id: string, @PageReply() reply: PageReply) {
    const { stream } = await this.letters.file(id, 'html');
    return reply.headers(LETTER_HTML_HEADERS).send(stream);
  }

  @Get('what-if')
  @PageAccess(MANAGER)
  async whatIfForm(@PageReply() reply: PageReply, @CurrentUser() actor: Actor) {
    return page(reply, 'service/what-if', { title: 'What if', ...(await this.overview.teamRows(actor.organisationId!)) });
  }

  /** Shows the rules a change would move; nothing is saved. */
  @Post('what-if')
  @HttpCode(200)
  @PageAccess(MANAGER)
  async whatIf(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Body() body: FormBody) {
    const serviceId = actor.organisationId!;
    const kind = (Object.keys(WHAT_IF_FORMS).includes(String(body.kind)) ? body.kind : 'new_starter') as WhatIfKind;
    const team = await this.overview.teamRows(serviceId);
    const values = {
      kind,
      memberId: text(body, 'memberId'),
      personId: text(body, 'personId'),
      endDate: text(body, 'endDate'),
      name: text(body, 'name'),
      role: text(body, 'role'),
      fte: num(body, 'fte'),
      caseload: num(body, 'caseload'),
      startDate: text(body, 'startDate'),
      isMember: body.isMember === 'yes',
      isTrained: body.isTrained === 'yes',
    };
    const fields = Object.keys(WHAT_IF_FORMS[kind].labels);
    const change = Object.fromEntries(
      Object.entries(values).filter(([k]) => k === 'kind' || fields.includes(k) || (kind === 'new_starter' && (k === 'isMember' || k === 'isTrained'))),
    );
    return withFormErrors(
      async () => {
        const result = await this.compliance.whatIf(serviceId, validateInput(WhatIfDto, { changes: [change] }));
        const explained = new Map(result.rules.map((r) => [r.id, r.explanation]));
        const changed = result.changedRules.map((c) => ({ ...c, title: TITLES.get(c.id) ?? c.id, explanation: explained.get(c.id) }));
        return page(reply, 'service/what-if', { title: 'What if', ...team, values, result: { ...result, changed } });
      },
      (error) => whatIfErrors(error, kind),
      (errors, status) => page(reply, 'service/what-if', { title: 'What if', ...team, values, errors }, status),
    );
  }
}

/** `changes.0.endDate` as the `leaves-endDate` field of the form that was sent. */
function whatIfErrors(error: unknown, kind: WhatIfKind) {
  if (!(error instanceof DomainError)) return null;
  const { prefix, labels } = WHAT_IF_FORMS[kind];
  const details = error.details?.map((d) => ({ ...d, field: d.field.replace(/^changes\.\d+\./, '') }));
  const errors = formErrors(new DomainError(error.code, error.status, error.message, details), labels);
  return errors?.map((e) => (e.href ? { ...e, field: `${prefix}-${e.field}`, href: `#${prefix}-${e.field}` } : e)) ?? null;
}
