import { PageResponse } from '../http/page.responses';
import type { AuditEntry } from './audit-entry.entity';

export class AuditEntryResponse implements AuditEntry {
  id: string;
  at: Date;
  /** Null for the system's own changes (the worker, the command line). */
  actorId: string | null;
  actorEmail: string | null;
  /** What was done, as `entity.verb`: `service.registered`, `auth.login_failed`. */
  action: string;
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
}

export class AuditPage extends PageResponse {
  items: AuditEntryResponse[];
}
