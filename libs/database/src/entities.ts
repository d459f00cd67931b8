import { AuditEntry } from '../../platform/src/audit/audit-entry.entity';
import { User } from '../../platform/src/auth/user.entity';
import { Heartbeat } from '../../platform/src/system/heartbeat.entity';

/** Every entity of the schema; migrations are generated against this list. */
export const ENTITIES = [User, AuditEntry, Heartbeat];
