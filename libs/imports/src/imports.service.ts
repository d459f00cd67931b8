import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, Clock, Outbox } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { completionsImporter } from './completions.importer';
import { readTable } from './csv-table';
import { countValid } from './file.rules';
import { allColumns, COLUMNS, ROW_NUMBERING, sortProblems, type ImportKind, type ImportProblem } from './import-kinds';
import type { ImportContext, Importer, Progress, Saved } from './importer';
import { membershipsImporter } from './memberships.importer';
import { peopleImporter } from './people.importer';
import { settingsImporter } from './settings.importer';
import { supervisionImporter } from './supervision.importer';
import { teamImporter } from './team.importer';

const IMPORTERS: Record<ImportKind, Importer> = {
  people: peopleImporter,
  team: teamImporter,
  memberships: membershipsImporter,
  'workshop-completions': completionsImporter,
  settings: settingsImporter,
  supervision: supervisionImporter,
};

export interface ImportOptions {
  dryRun: boolean;
  actor: Pick<Actor, 'id' | 'email'> | null;
  /** Where the file came in (api, cli), kept in the audit trail. */
  source: string;
  progress?: Progress;
  requestId?: string;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  rowNumbering: string;
  rows: number;
  valid: number;
  /** Every problem, in row order; empty when the file can be imported as it is. */
  problems: ImportProblem[];
  /** Records the valid rows describe: what a real run creates once `problems` is empty. */
  wouldCreate: number;
  /** 0 unless a real run had no problems: an import is all or nothing. */
  created: number;
  peopleCreated?: number;
}

/** Reads a CSV file of one kind, checks every row, and writes all of it in one transaction or none. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  async import(kind: ImportKind, csv: string, options: ImportOptions): Promise<ImportReport> {
    const progress = options.progress ?? (() => undefined);
    const today = this.clock.today();
    const table = readTable(csv, COLUMNS[kind], kind);
    const rows = table.records.length + new Set(table.problems.filter((p) => p.row > 1).map((p) => p.row)).size;
    const report = (problems: ImportProblem[]): ImportReport => {
      const valid = countValid(rows, problems);
      return {
        kind,
        dryRun: options.dryRun,
        rowNumbering: ROW_NUMBERING,
        rows,
        valid,
        problems: sortProblems(problems, allColumns(kind)),
        wouldCreate: valid,
        created: 0,
      };
    };
    if (table.records.length === 0 && table.problems.length > 0) return report(table.problems);

    progress('checking', 0, rows);
    const importer = IMPORTERS[kind];
    const context = (): ImportContext => ({ today, actorId: options.actor?.id ?? null, progress, outbox: this.outbox });
    if (!options.dryRun && importer.writeWhileReading && table.problems.length === 0) {
      const write = importer.writeWhileReading.bind(importer);
      return this.inTurn(kind, async (manager) => {
        const written = await write(manager, this.dataSource.manager, table.records, context());
        const checked = report(written.problems);
        if (checked.problems.length > 0) throw new Refused(checked);
        return this.completed(manager, kind, checked, { created: written.created }, options);
      });
    }

    const read = importer.read(table.records, today);
    return this.inTurn(
      kind,
      async (manager) => {
        const checked = await read.check(manager, context());
        progress('checking', rows, rows);
        const checkedReport = report([...table.problems, ...read.problems, ...checked.problems]);
        if (options.dryRun || checkedReport.problems.length > 0) return checkedReport;
        return this.completed(manager, kind, checkedReport, await checked.save(), options);
      },
      !options.dryRun,
    );
  }

  /**
   * In a transaction, after the imports of this kind before it (a real run): two files cannot both pass
   * the same duplicate check. A report thrown as Refused is answered after the transaction rolls back.
   */
  private async inTurn(kind: ImportKind, work: (manager: EntityManager) => Promise<ImportReport>, locked = true): Promise<ImportReport> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (locked) await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`npa:import:${kind}`]);
        return work(manager);
      });
    } catch (error) {
      if (error instanceof Refused) return error.report;
      throw error;
    }
  }

  private async completed(manager: EntityManager, kind: ImportKind, report: ImportReport, saved: Saved, options: ImportOptions): Promise<ImportReport> {
    await this.audit.record(
      {
        actor: options.actor,
        action: 'import.completed',
        entity: 'import',
        entityId: kind,
        after: { kind, rows: report.rows, ...saved, source: options.source },
        requestId: options.requestId,
      },
      manager,
    );
    return { ...report, ...saved };
  }
}

/** A real run's report of problems found after its rows were written: thrown, so they are rolled back. */
class Refused extends Error {
  constructor(readonly report: ImportReport) {
    super('import refused');
  }
}
