import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { AuditEntry } from './audit-entry.entity';
import { redactSecretParams } from '../http/secret-params';

export interface AuditRecord {
  actor: Pick<Actor, 'id' | 'email'> | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: object | null;
  after?: object | null;
  requestId?: string | null;
  ip?: string | null;
}

const SECRET_FIELDS = new Set(['passwordHash', 'password', 'accessToken', 'totpSecret', '_csrf', 'csrfToken']);

/** Never let a secret into the audit trail, whatever the caller passes. */
function redact(value: object | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (SECRET_FIELDS.has(key) ? undefined : v))) as Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pass the change's own transaction manager so the record and its audit row commit together. */
  async record(entry: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const row = manager.create(AuditEntry, {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      entity: entry.entity,
      // A refused route is recorded by its URL: never with a secret a client put in its query.
      entityId: entry.entityId ? redactSecretParams(entry.entityId) : null,
      before: redact(entry.before),
      after: redact(entry.after),
      requestId: entry.requestId ?? null,
      ip: entry.ip ?? null,
    });
    await manager.save(row);
  }

  async list(filter: { entity?: string; id?: string; limit: number; offset: number }): Promise<{ items: AuditEntry[]; total: number }> {
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a').orderBy('a.id', 'DESC').take(filter.limit).skip(filter.offset);
    if (filter.entity) query.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter.id) query.andWhere('a.entityId = :id', { id: filter.id });
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }
}
