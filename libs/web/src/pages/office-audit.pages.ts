import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuditService, PageAccess, AppConfig, PageQuery, validateInput } from '@npa/platform';
import { page, PageReply } from './render';

const clip = (value?: string) => (value?.trim() ? value.trim().slice(0, 100) : undefined);
const shown = (value: unknown) => (value === undefined ? '–' : JSON.stringify(value));

/** Each field an entry changed, before and after; an entry with only one side lists that side. */
function changes(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map((k) => ({ field: k, before: before ? shown(before[k]) : null, after: after ? shown(after[k]) : null }));
}

/** The audit trail of one record (or of a kind of record), newest first, for NPA admins as in the API. */
@ApiExcludeController()
@Controller('office/audit')
export class OfficeAuditPages {
  constructor(
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @PageAccess(['npa_admin'])
  async trail(@PageReply() reply: PageReply, @Query('entity') entity?: string, @Query('id') id?: string, @Query('page') pageNumber?: string) {
    const paging = validateInput(PageQuery, pageNumber ? { page: pageNumber } : {});
    const filter = { entity: clip(entity), id: clip(id) };
    const { items, total } = await this.audit.list({ ...filter, limit: paging.pageSize, offset: paging.offset });
    const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: this.config.TIME_ZONE });
    const entries = items.map((e) => ({
      at: when.format(e.at),
      who: e.actorEmail ?? 'The system',
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      changes: changes(e.before, e.after),
    }));
    const link = (n: number) =>
      `/office/audit?${new URLSearchParams({ ...(filter.entity && { entity: filter.entity }), ...(filter.id && { id: filter.id }), page: String(n) }).toString()}`;
    const next = paging.offset + items.length < total ? link(paging.page + 1) : null;
    return page(reply, 'office/audit', {
      title: 'Audit trail',
      ...filter,
      entries,
      total,
      next,
      previous: paging.page > 1 ? link(paging.page - 1) : null,
    });
  }
}
