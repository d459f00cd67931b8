import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, Actor, CurrentUser, NPA_STAFF } from '@npa/platform';
import { DEFAULT_RULE_PARAMS, RuleParametersService, ruleParamsSchema, type RuleParams } from '@npa/compliance';
import { FormBody, num } from './form-input';
import { page, PageReply, redirectWithNotice, withFormErrors } from './render';

const LABELS: Record<string, string> = Object.fromEntries(ruleParamsSchema.map((s) => [s.name, s.label]));
const GROUPS = [
  { group: 'rules', heading: 'Thresholds of the rules' },
  { group: 'reminders', heading: 'When reminders fall due' },
  { group: 'periods', heading: 'Periods the letters give' },
] as const;

/** What each version changed from the one before it, in words, newest first. */
export function versionChanges(history: { version: number; params: Partial<RuleParams>; createdAt: string }[]) {
  const oldestFirst = [...history].sort((a, b) => a.version - b.version);
  return oldestFirst
    .map((v, i) => {
      // The first version was made from the Code's values.
      const before: Partial<RuleParams> = i > 0 ? oldestFirst[i - 1].params : DEFAULT_RULE_PARAMS;
      const changes = ruleParamsSchema
        .filter((s) => v.params[s.name] !== undefined && before[s.name] !== undefined && v.params[s.name] !== before[s.name])
        .map((s) => `${s.label}: ${before[s.name]} to ${v.params[s.name]}`);
      return { version: v.version, createdAt: v.createdAt, changes };
    })
    .reverse();
}

/**
 * The rule parameters (thresholds, reminder offsets, the periods letters give) for NPA staff to read and
 * NPA admins to change: a change is a new version, in force from then on, the old ones kept.
 */
@ApiExcludeController()
@Controller('office/parameters')
export class OfficeParametersPages {
  constructor(private readonly parameters: RuleParametersService) {}

  @Get()
  @PageAccess(NPA_STAFF)
  async show(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Query('notice') notice?: string) {
    return this.view(reply, actor, { notice });
  }

  /** Only the boxes whose value differs from the version in force are sent, so an edit names what it changes. */
  @Post()
  @PageAccess(['npa_admin'])
  async change(@PageReply() reply: PageReply, @Body() body: FormBody, @CurrentUser() actor: Actor) {
    const { params } = await this.parameters.current();
    const form = Object.fromEntries(ruleParamsSchema.map((s) => [s.name, num(body, s.name) ?? '']));
    const changes = Object.fromEntries(Object.entries(form).filter(([name, value]) => value !== params[name as keyof RuleParams]));
    return withFormErrors(
      async () => {
        if (Object.keys(changes).length === 0) return redirectWithNotice(reply, '/office/parameters', 'Nothing changed.');
        const saved = await this.parameters.update(changes, actor);
        return redirectWithNotice(reply, '/office/parameters', `Version ${saved.version} is in force from now.`);
      },
      LABELS,
      (errors, status) => this.view(reply, actor, { errors, form }, status),
    );
  }

  private async view(reply: PageReply, actor: Actor, data: { notice?: string; errors?: unknown; form?: Record<string, unknown> }, status = 200) {
    const [current, history] = await Promise.all([this.parameters.current(), this.parameters.history()]);
    const values: Record<string, unknown> = data.form ?? { ...current.params };
    const groups = GROUPS.map(({ group, heading }) => ({
      heading,
      fields: ruleParamsSchema
        .filter((s) => s.group === group)
        .map((s) => ({ ...s, value: values[s.name], current: current.params[s.name], hint: `In force now: ${current.params[s.name]}` })),
    }));
    return page(
      reply,
      'office/parameters',
      { title: 'Rule parameters', ...data, version: current.version, groups, canEdit: actor.role === 'npa_admin', history: versionChanges(history) },
      status,
    );
  }
}
