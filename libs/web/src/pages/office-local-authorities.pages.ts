import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, Actor, CurrentUser, NPA_STAFF, invalid, notFound, validateInput } from '@npa/platform';
import { AUTHORITY_KINDS, REGIONS, LocalAuthoritiesService, CreateLocalAuthorityDto, LocalAuthorityQuery, UpdateLocalAuthorityDto } from '@npa/returns';
import { FormBody, text } from './form-input';
import { formErrors, page, PageReply, redirectWithNotice, withFormErrors } from './render';

const ADMIN = ['npa_admin'] as const;
const LABELS: Record<string, string> = { code: 'ONS code', name: 'Name', region: 'Region', kind: 'Kind', endedOn: 'Last day', q: 'Name or code' };
const BLANK: Record<string, string> = {
  code: 'Enter the ONS code, like E06000065',
  name: 'Enter the name',
  region: 'Select the region',
  kind: 'Select the kind of authority',
};

/** Blank required boxes say what to enter, before the DTO checks the rest. */
function required(form: Record<string, string | undefined>, fields: string[]): void {
  const blanks = fields.filter((f) => !form[f]).map((f) => ({ field: f, problem: BLANK[f] }));
  if (blanks.length > 0) throw invalid('Some fields are empty.', blanks);
}

/** Labels before what is wrong, except a blank box's own "Enter ..." request. */
const errorsOf = (error: unknown) =>
  formErrors(error, LABELS)?.map((e) => (BLANK[e.field] && e.message === `${LABELS[e.field]} ${BLANK[e.field]}` ? { ...e, message: BLANK[e.field] } : e)) ??
  null;

/** The reference table of local authorities (the snapshot's measure of coverage); admins add and correct rows. */
@ApiExcludeController()
@Controller('office/local-authorities')
export class OfficeLocalAuthoritiesPages {
  constructor(private readonly authorities: LocalAuthoritiesService) {}

  @Get()
  @PageAccess(NPA_STAFF)
  async list(@PageReply() reply: PageReply, @Query('q') q?: string, @Query('region') region?: string, @Query('notice') notice?: string) {
    const filters = { q: q?.trim() || undefined, region: region || undefined };
    return withFormErrors(
      async () => {
        return await this.listPage(reply, validateInput(LocalAuthorityQuery, filters), { notice });
      },
      errorsOf,
      (errors, status) => this.listPage(reply, {}, { errors, filters }, status),
    );
  }

  @Post()
  @PageAccess(ADMIN)
  async add(@PageReply() reply: PageReply, @Body() body: FormBody, @CurrentUser() actor: Actor) {
    const form = { code: text(body, 'code')?.toUpperCase(), name: text(body, 'name'), region: text(body, 'region'), kind: text(body, 'kind') };
    return withFormErrors(
      async () => {
        required(form, ['code', 'name', 'region', 'kind']);
        const added = await this.authorities.create(validateInput(CreateLocalAuthorityDto, form), actor);
        return redirectWithNotice(reply, `/office/local-authorities?q=${encodeURIComponent(added.code)}`, `${added.name} (${added.code}) is in the table.`);
      },
      errorsOf,
      (errors, status) => this.listPage(reply, {}, { errors, form }, status),
    );
  }

  @Get(':code')
  @PageAccess(ADMIN)
  async edit(@PageReply() reply: PageReply, @Param('code') code: string) {
    const authority = await this.find(code);
    return this.editPage(reply, authority, { name: authority.name, region: authority.region, endedOn: authority.endedOn ?? '' });
  }

  /** A new name or region, or the last day it existed (blank: it still does). */
  @Post(':code')
  @PageAccess(ADMIN)
  async update(@PageReply() reply: PageReply, @Param('code') code: string, @Body() body: FormBody, @CurrentUser() actor: Actor) {
    const authority = await this.find(code);
    const form = { name: text(body, 'name'), region: text(body, 'region'), endedOn: text(body, 'endedOn') };
    return withFormErrors(
      async () => {
        required(form, ['name', 'region']);
        const saved = await this.authorities.update(authority.code, validateInput(UpdateLocalAuthorityDto, { ...form, endedOn: form.endedOn ?? null }), actor);
        return redirectWithNotice(reply, `/office/local-authorities?q=${encodeURIComponent(saved.code)}`, `${saved.name} (${saved.code}) is saved.`);
      },
      errorsOf,
      (errors, status) => this.editPage(reply, authority, { ...form, endedOn: form.endedOn ?? '' }, errors, status),
    );
  }

  private async find(code: string) {
    const found = /^[EW]\d{8}$/.test(code) ? (await this.authorities.list({ q: code })).items.find((a) => a.code === code) : undefined;
    if (!found) throw notFound('The local authority');
    return found;
  }

  private async listPage(reply: PageReply, query: LocalAuthorityQuery, data: Record<string, unknown>, status = 200) {
    const table = await this.authorities.list(query);
    const regions = [...new Set([...REGIONS, ...table.items.map((a) => a.region)])]
      .map((region) => {
        const items = table.items.filter((a) => a.region === region);
        return { region, items, current: items.filter((a) => a.endedOn === null).length };
      })
      .filter((g) => g.items.length > 0);
    // Unfiltered, each region is folded away: 317 rows are for looking up, not for reading down.
    const filtered = Boolean(query.q || query.region);
    return page(
      reply,
      'office/local-authorities',
      { title: 'Local authorities', filters: query, ...data, table, regions, filtered, regionNames: REGIONS, kinds: AUTHORITY_KINDS },
      status,
    );
  }

  private editPage(reply: PageReply, authority: { code: string; name: string }, form: Record<string, string | undefined>, errors?: unknown, status = 200) {
    return page(
      reply,
      'office/local-authority',
      { title: authority.name, authority, form, errors, regionNames: REGIONS, back: '/office/local-authorities' },
      status,
    );
  }
}
