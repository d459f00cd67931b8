import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RuleParametersService } from '@npa/compliance';
import { AuditService, AppConfig, anonymiseUsers, invalid, Outbox, jobId, Storage, Clock, userNamesInUse, usersByEmail } from '@npa/platform';
import { anonymisePerson, lockPersonForRetention, personNamesInUse } from '@npa/registry';
import { trainerIdsOf } from '@npa/training';
import type { IsoDate } from '@npa/platform';
import { PERSONAL_DATA } from './personal-data';
import { findRows, Subject } from './person-rows';
import { RETENTION_DUE } from './read-model/person-links.read-model';
import { formerMemberEmail, formerMemberName, retentionCutoff } from './retention.rules';
import { Redaction, scrub } from './scrub';

export interface RetentionCandidate {
  personId: string;
  name: string;
  lastLinkEnded: IsoDate;
}

export interface RetentionSummary {
  asOf: IsoDate;
  retentionYears: number;
  /** Links that ended before this day are past retention. */
  cutoff: IsoDate;
  dryRun: boolean;
  due: RetentionCandidate[];
  anonymised: number;
}

/** Tables retention changes: those with a column it scrubs or whose rows it deletes, in PERSONAL_DATA's order. */
const CHANGED_TABLES = [...new Set(PERSONAL_DATA.filter((c) => c.retention === 'scrub' || c.retention === 'delete').map((c) => c.table))];
const FOLLOWED_TABLES = PERSONAL_DATA.flatMap((c) => (typeof c.find === 'object' && CHANGED_TABLES.includes(c.table) ? [c.find.via] : []));
const RETENTION_TABLES = [...new Set([...CHANGED_TABLES, ...FOLLOWED_TABLES])].sort(
  (a, b) => PERSONAL_DATA.findIndex((c) => c.table === a) - PERSONAL_DATA.findIndex((c) => c.table === b),
);

/**
 * Retention: people no longer linked to any service, setting, workshop or membership for the retention
 * period (rule parameter retentionYears, six years by default) are anonymised, one transaction and one
 * audit row each: name "Former member N", an undeliverable address, their user account disabled and
 * renamed, their sessions ended, and the copies of their name and address in letters, reminders, emails,
 * snapshots and application history replaced. The rows that link them (team, training, supervision)
 * stay, so counts and certificates still stand. The audit log is not rewritten.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parameters: RuleParametersService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly storage: Storage,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async run(asOf: IsoDate, options: { dryRun?: boolean } = {}): Promise<RetentionSummary> {
    // Anonymising is for good: only a dry run may look ahead (the job's payload is refused earlier too).
    if (!options.dryRun && asOf > this.clock.today()) throw invalid(`Retention anonymises people as of today at the latest, not ${asOf}.`);
    const { retentionYears } = (await this.parameters.current()).params;
    const cutoff = retentionCutoff(asOf, retentionYears);
    const due = await this.due(this.dataSource.manager, cutoff);
    const summary: RetentionSummary = { asOf, retentionYears, cutoff, dryRun: options.dryRun ?? false, due, anonymised: 0 };
    if (options.dryRun) return summary;
    for (const candidate of due) {
      if (await this.anonymise(candidate.personId, { asOf, retentionYears, cutoff })) summary.anonymised++;
    }
    return summary;
  }

  private async due(db: EntityManager, cutoff: IsoDate, personId: string | null = null): Promise<RetentionCandidate[]> {
    const rows = await db.query<{ id: string; name: string; last_link_ended: string }[]>(RETENTION_DUE, [cutoff, this.config.TIME_ZONE, personId]);
    return rows.map((r) => ({ personId: r.id, name: r.name, lastLinkEnded: r.last_link_ended }));
  }

  /** Anonymises one person if they are still due once locked (a new link may have come meanwhile). */
  private async anonymise(personId: string, run: { asOf: IsoDate; retentionYears: number; cutoff: IsoDate }): Promise<boolean> {
    const staleFiles: string[] = [];
    const done = await this.dataSource.transaction(async (manager) => {
      const person = await lockPersonForRetention(manager, personId);
      if (!person) return false;
      const [still] = await this.due(manager, run.cutoff, personId);
      if (!still) return false;

      const users = await usersByEmail(manager, person.email, { lock: true });
      const trainerIds = await trainerIdsOf(manager, { personIds: [personId] });
      const subject: Subject = { email: person.email, personIds: [personId], userIds: users.map((u) => u.id), trainerIds };
      const [{ n }] = await manager.query<{ n: string }[]>(`SELECT nextval('former_member_seq') AS n`);
      const redaction: Redaction = {
        ids: [...subject.personIds, ...subject.userIds, ...subject.trainerIds],
        emails: [...new Set([person.email, ...users.map((u) => u.email)])],
        names: await this.unsharedNames(manager, [person.name, ...users.map((u) => u.name)], subject),
        replacementName: formerMemberName(Number(n)),
        replacementEmail: formerMemberEmail(Number(n)),
      };

      const changed = await this.scrubCopies(manager, subject, redaction, { number: Number(n), staleFiles });
      await anonymisePerson(manager, personId, redaction.replacementName, redaction.replacementEmail);
      // The accounts cannot sign in again, and their tokens stop at once.
      if (users.length > 0) await anonymiseUsers(manager, subject.userIds, redaction.replacementName, redaction.replacementEmail);
      await this.audit.record(
        {
          actor: null,
          action: 'person.anonymised',
          entity: 'person',
          entityId: personId,
          after: { name: redaction.replacementName, lastLinkEnded: still.lastLinkEnded, ...run, userAccounts: subject.userIds, changed },
        },
        manager,
      );
      return true;
    });
    // Files of letters printed with the name: their new versions are composed from the scrubbed data.
    if (done)
      for (const key of staleFiles) await this.storage.remove(key).catch((error: Error) => this.logger.warn(`Could not remove ${key}: ${error.message}`));
    return done;
  }

  /** Names nobody else still in the register has: only those are replaced in free text. */
  private async unsharedNames(db: EntityManager, names: string[], subject: Subject): Promise<string[]> {
    const lower = names.map((n) => n.toLowerCase());
    const shared = new Set([...(await personNamesInUse(db, lower, subject.personIds)), ...(await userNamesInUse(db, lower, subject.userIds))]);
    return [...new Set(names)].filter((n) => !shared.has(n.toLowerCase()));
  }

  /** Replaces the copies of the person's details, deletes their sessions; returns rows changed per table. */
  private async scrubCopies(
    manager: EntityManager,
    subject: Subject,
    redaction: Redaction,
    { number, staleFiles }: { number: number; staleFiles: string[] },
  ): Promise<Record<string, number>> {
    const found = await findRows(manager, subject, RETENTION_TABLES);
    const changed: Record<string, number> = {};
    for (const table of CHANGED_TABLES) {
      const rows = found.get(table) ?? [];
      const { key, json } = await shapeOf(manager, table);
      const columns = PERSONAL_DATA.filter((c) => c.table === table);
      for (const row of rows) {
        const where = key.map((k, i) => `"${k}" = $${i + 1}`).join(' AND ');
        const keyValues = key.map((k) => row[k]);
        if (columns.some((c) => c.retention === 'delete')) {
          await manager.query(`DELETE FROM "${table}" WHERE ${where}`, keyValues);
          changed[table] = (changed[table] ?? 0) + 1;
          continue;
        }
        const updates = columns
          .filter((c) => c.retention === 'scrub' && row[c.column] !== null && row[c.column] !== undefined)
          .map((c) => ({
            column: c.column,
            before: row[c.column],
            after: c.nameOf && redaction.ids.includes(row[c.nameOf] as string) ? redaction.replacementName : scrub(row[c.column], redaction),
          }))
          .filter((u) => JSON.stringify(u.before) !== JSON.stringify(u.after));
        if (updates.length === 0) continue;
        const sets = updates.map((u, i) => `"${u.column}" = $${key.length + i + 1}`);
        const values = updates.map((u) => (json.has(u.column) ? JSON.stringify(u.after) : u.after));
        if (table === 'letters' && row.rendered_at) {
          // Its HTML and PDF print the old name: print them again from the scrubbed data, send nothing.
          sets.push('html_key = NULL', 'pdf_key = NULL', 'rendered_at = NULL');
          staleFiles.push(...[row.html_key, row.pdf_key].filter((k): k is string => typeof k === 'string'));
          await this.outbox.add(
            manager,
            'letter.compose',
            { letterId: row.id as string, renderOnly: true },
            { jobId: jobId('letter', 'compose', row.id as string, 'anonymised', number) },
          );
        }
        await manager.query(`UPDATE "${table}" SET ${sets.join(', ')} WHERE ${where}`, [...keyValues, ...values]);
        changed[table] = (changed[table] ?? 0) + 1;
      }
    }
    return changed;
  }
}

const shapes = new Map<string, { key: string[]; json: Set<string> }>();

/**
 * A table's primary key columns (to update its rows by) and json or jsonb columns (sent as JSON text: pg
 * would send an array as a PostgreSQL array), read once from the catalog.
 */
async function shapeOf(db: EntityManager, table: string): Promise<{ key: string[]; json: Set<string> }> {
  const known = shapes.get(table);
  if (known) return known;
  const [row] = await db.query<{ key: string[]; json: string[] }[]>(
    `SELECT ARRAY(SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                   WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)) AS key,
            ARRAY(SELECT attname::text FROM pg_attribute WHERE attrelid = $1::regclass AND atttypid IN ('json'::regtype, 'jsonb'::regtype) AND NOT attisdropped) AS json`,
    [`public.${table}`],
  );
  if (row.key.length === 0) throw new Error(`${table} has no primary key to update its rows by`);
  const shape = { key: row.key, json: new Set(row.json) };
  shapes.set(table, shape);
  return shape;
}
