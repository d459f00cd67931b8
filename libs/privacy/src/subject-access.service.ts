import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, Clock } from '@npa/platform';
import { PERSONAL_DATA, WITHHELD } from './personal-data';
import { findRows, Row, Subject, subjectFor } from './person-rows';

export interface SubjectAccessReport {
  subject: Subject;
  generatedAt: string;
  /** Rows found per table; a table with none is left out of `tables` but listed here with 0. */
  counts: Record<string, number>;
  /** Secrets held about the person that the export names but does not show (a password hash). */
  withheld: string[];
  /** Every column searched, and how, so the reader knows what "everything" covered. */
  searched: string[];
  tables: Record<string, Row[]>;
}

const HELD_NOT_SHOWN = '[held, not shown]';

/**
 * Everything the register holds about a person, for a subject access request: one consistent read of
 * every table in PERSONAL_DATA, as JSON. Secrets are named, not shown. The request itself is audited.
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async export(email: string): Promise<SubjectAccessReport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const subject = await subjectFor(manager, email.trim());
      const found = await findRows(manager, subject);
      const withheld = new Set<string>();
      const tables: Record<string, Row[]> = {};
      const counts: Record<string, number> = {};
      for (const [table, rows] of found) {
        counts[table] = rows.length;
        if (rows.length === 0) continue;
        tables[table] = rows.map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([column, value]) => {
              if (!WITHHELD.test(column) || value === null) return [column, value];
              withheld.add(`${table}.${column}`);
              return [column, HELD_NOT_SHOWN];
            }),
          ),
        );
      }
      const report: SubjectAccessReport = {
        subject,
        generatedAt: this.clock.now().toISOString(),
        counts,
        withheld: [...withheld].sort(),
        searched: PERSONAL_DATA.filter((c) => c.find).map((c) => `${c.table}.${c.column} (${typeof c.find === 'object' ? `rows of ${c.find.via}` : c.find})`),
        tables,
      };
      await this.audit.record(
        {
          actor: null,
          action: 'person.subject_access',
          entity: 'person',
          entityId: subject.personIds[0] ?? null,
          after: { email: subject.email, tables: Object.keys(tables) },
        },
        manager,
      );
      return report;
    });
  }
}
