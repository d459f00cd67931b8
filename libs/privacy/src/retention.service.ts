import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RuleParametersService } from '@npa/compliance';
import { AuditService, AppConfig, invalid, Outbox, jobId, Storage, Clock } from '@npa/platform';
import type { IsoDate } from '@npa/platform';
import { PERSONAL_DATA } from './personal-data';
import { findRows, Subject } from './person-rows';
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

/**
 * A person's links to the NPA, each with the day it ended (null: still open). A person is kept while
 * any is open, and for the retention period after the last one ended. The record's own creation counts
 * as a link, so a person entered today with a history that ended long ago is not anonymised tonight.
 */
const LINKS = `
  SELECT person_id, end_date AS ended FROM team_members
  UNION ALL SELECT person_id, end_date FROM setting_staff
  UNION ALL SELECT person_id, end_date FROM memberships
  UNION ALL SELECT a.person_id, w.end_date FROM workshop_attendees a JOIN workshops w ON w.id = a.workshop_id
  UNION ALL SELECT o.person_id, w.end_date FROM workshop_outcomes o JOIN workshops w ON w.id = o.workshop_id
  UNION ALL SELECT t.person_id, (t.created_at AT TIME ZONE $2)::date FROM trainers t
  UNION ALL SELECT t.person_id, a.accredited_to FROM trainers t JOIN trainer_accreditations a ON a.trainer_id = t.id
  UNION ALL SELECT t.person_id, w.end_date FROM trainers t JOIN workshops w ON w.trainer_id = t.id
  UNION ALL SELECT p.id, (u.disabled_at AT TIME ZONE $2)::date FROM users u JOIN people p ON lower(p.email) = lower(u.email)
  UNION ALL SELECT id, (created_at AT TIME ZONE $2)::date FROM people`;

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
    const rows = await db.query<{ id: string; name: string; last_link_ended: string }[]>(
      `WITH links AS (${LINKS})
       SELECT p.id, p.name, max(l.ended)::text AS last_link_ended
         FROM people p JOIN links l ON l.person_id = p.id
        WHERE p.anonymised_at IS NULL AND ($3::uuid IS NULL OR p.id = $3)
        GROUP BY p.id
       HAVING bool_and(l.ended IS NOT NULL) AND max(l.ended) < $1::date
        ORDER BY max(l.ended), p.id`,
      [cutoff, this.config.TIME_ZONE, personId],
    );
    return rows.map((r) => ({ personId: r.id, name: r.name, lastLinkEnded: r.last_link_ended }));
  }

  /** Anonymises one person if they are still due once locked (a new link may have come meanwhile). */
  private async anonymise(personId: string, run: { asOf: IsoDate; retentionYears: number; cutoff: IsoDate }): Promise<boolean> {
    const staleFiles: string[] = [];
    const done = await this.dataSource.transaction(async (manager) => {
      const [person] = await manager.query<{ id: string; name: string; email: string }[]>(
        'SELECT id, name, email FROM people WHERE id = $1 AND anonymised_at IS NULL FOR UPDATE',
        [personId],
      );
      if (!person) return false;
      const [still] = await this.due(manager, run.cutoff, personId);
      if (!still) return false;

      const users = await manager.query<{ id: string; name: string; email: string }[]>(
        'SELECT id, name, email FROM users WHERE lower(email) = lower($1) FOR UPDATE',
        [person.email],
      );
      const trainers = await manager.query<{ id: string }[]>('SELECT id FROM trainers WHERE person_id = $1', [personId]);
      const subject: Subject = { email: person.email, personIds: [personId], userIds: users.map((u) => u.id), trainerIds: trainers.map((t) => t.id) };
      const [{ n }] = await manager.query<{ n: string }[]>(`SELECT nextval('former_member_seq') AS n`);
      const redaction: Redaction = {
        ids: [...subject.personIds, ...subject.userIds, ...subject.trainerIds],
        emails: [...new Set([person.email, ...users.map((u) => u.email)])],
        names: await this.unsharedNames(manager, [person.name, ...users.map((u) => u.name)], subject),
        replacementName: formerMemberName(Number(n)),
        replacementEmail: formerMemberEmail(Number(n)),
      };

      const changed = await this.scrubCopies(manager, subject, redaction, { number: Number(n), staleFiles });
      await manager.query('UPDATE people SET name = $2, email = $3, anonymised_at = now(), updated_at = now() WHERE id = $1', [
        personId,
        redaction.replacementName,
        redaction.replacementEmail,
      ]);
      if (users.length > 0) {
        // No password can match "!": the account cannot sign in again, and its tokens stop at once.
        await manager.query(
          `UPDATE users SET name = $2, email = $3, password_hash = '!', disabled_at = COALESCE(disabled_at, now()), token_version = token_version + 1, updated_at = now(), version = version + 1
            WHERE id = ANY($1::uuid[])`,
          [subject.userIds, redaction.replacementName, redaction.replacementEmail],
        );
      }
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
    const rows = await db.query<{ name: string }[]>(
      `SELECT DISTINCT lower(name) AS name FROM (
         SELECT name FROM people WHERE anonymised_at IS NULL AND NOT (id = ANY($2::uuid[]))
         UNION ALL SELECT name FROM users WHERE NOT (id = ANY($3::uuid[]))) o
        WHERE lower(name) = ANY($1::text[])`,
      [names.map((n) => n.toLowerCase()), subject.personIds, subject.userIds],
    );
    const shared = new Set(rows.map((r) => r.name));
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
      const { key, jsonb } = await shapeOf(manager, table);
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
        const values = updates.map((u) => (jsonb.has(u.column) ? JSON.stringify(u.after) : u.after));
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

const shapes = new Map<string, { key: string[]; jsonb: Set<string> }>();

/** A table's primary key columns (to update its rows by) and jsonb columns, read once from the catalog. */
async function shapeOf(db: EntityManager, table: string): Promise<{ key: string[]; jsonb: Set<string> }> {
  const known = shapes.get(table);
  if (known) return known;
  const [row] = await db.query<{ key: string[]; jsonb: string[] }[]>(
    `SELECT ARRAY(SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                   WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)) AS key,
            ARRAY(SELECT attname::text FROM pg_attribute WHERE attrelid = $1::regclass AND atttypid = 'jsonb'::regtype AND NOT attisdropped) AS jsonb`,
    [`public.${table}`],
  );
  if (row.key.length === 0) throw new Error(`${table} has no primary key to update its rows by`);
  const shape = { key: row.key, jsonb: new Set(row.jsonb) };
  shapes.set(table, shape);
  return shape;
}
