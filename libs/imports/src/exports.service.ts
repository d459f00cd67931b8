import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pipeline, Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { csvStream } from '@npa/platform';
import { allColumns, type ImportKind } from './import-kinds';

/** Rows fetched per query: the export never holds more than this many records in memory. */
export const EXPORT_BATCH = 1000;

// Each query selects its table's id (the keyset) and then the import columns, named as the import
// names them, so an export is a file the import takes back. `$1` is the last id sent, `$2` the batch.
const AFTER = `($1::uuid IS NULL OR x.id > $1::uuid)`;
const QUERIES: Record<ImportKind, string> = {
  people: `SELECT x.id, x.name, x.email FROM people x WHERE ${AFTER} ORDER BY x.id LIMIT $2`,
  team: `SELECT x.id, s.registration_number AS service_registration_number, p.email, x.role, x.fte::text AS fte, x.caseload,
                x.start_date::text AS start_date, x.end_date::text AS end_date
           FROM team_members x JOIN services s ON s.id = x.service_id JOIN people p ON p.id = x.person_id
          WHERE ${AFTER} ORDER BY x.id LIMIT $2`,
  memberships: `SELECT x.id, p.email, x.number, x.start_date::text AS start_date, x.end_date::text AS end_date
                  FROM memberships x JOIN people p ON p.id = x.person_id WHERE ${AFTER} ORDER BY x.id LIMIT $2`,
  // Only the outcome that stands for each attendee: a superseded row was corrected, not completed twice.
  'workshop-completions': `SELECT x.id, x.workshop_id, p.email, x.outcome, p.name
                             FROM workshop_outcomes x JOIN people p ON p.id = x.person_id
                            WHERE ${AFTER} AND NOT EXISTS (SELECT 1 FROM workshop_outcomes later WHERE later.supersedes_id = x.id)
                            ORDER BY x.id LIMIT $2`,
  settings: `SELECT x.id, x.name, x.ofsted_urn, x.kind, x.staff_count, x.local_area FROM settings x WHERE ${AFTER} ORDER BY x.id LIMIT $2`,
  supervision: `SELECT x.id, s.registration_number AS service_registration_number, x.date::text AS date, sup.email AS supervisor_email,
                       (SELECT string_agg(pp.email, ';' ORDER BY pp.email) FROM supervision_participants sp JOIN people pp ON pp.id = sp.practitioner_id
                         WHERE sp.session_id = x.id) AS practitioner_emails
                  FROM supervision_sessions x JOIN services s ON s.id = x.service_id JOIN people sup ON sup.id = x.supervisor_id
                 WHERE ${AFTER} ORDER BY x.id LIMIT $2`,
};

/** The register as CSV, streamed: batches by keyset (id > last id), never the whole table at once. */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  csv(kind: ImportKind): Readable {
    const out = csvStream(allColumns(kind));
    pipeline(Readable.from(this.records(kind)), out, (error) => {
      if (error) this.logger.error({ err: error, kind }, 'export failed part-way');
    });
    return out;
  }

  /**
   * Each batch is its own short query rather than one long transaction, so a slow download holds no
   * connection; a record added meanwhile may or may not appear, as with any list read in pages.
   */
  async *records(kind: ImportKind): AsyncGenerator<Record<string, unknown>> {
    let after: string | null = null;
    for (;;) {
      const batch: Record<string, unknown>[] = await this.dataSource.query(QUERIES[kind], [after, EXPORT_BATCH]);
      yield* batch;
      if (batch.length < EXPORT_BATCH) return;
      after = String(batch[batch.length - 1].id);
    }
  }
}
