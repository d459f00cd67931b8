import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, conflict, invalid, Clock } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { ReturnYear } from './return-year.entity';
import { defaultDueOn, latestFilingYear, reportingYear, type ReportingYear } from './rules/reporting-year';

export interface YearSettings extends ReportingYear {
  dueOn: string;
  closed: boolean;
  closedAt: string | null;
}

/** The one place that says when a year's returns are due and whether the NPA has closed the year. */
@Injectable()
export class ReturnYears {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * With `lock`, inside the caller's transaction, the year's row is made if missing and share-locked, so a
   * filing and a close of the same year take turns: a return is never saved into a year closed meanwhile.
   */
  async settings(startYear: number, manager: EntityManager = this.dataSource.manager, lock = false): Promise<YearSettings> {
    if (lock) await this.ensureRow(startYear, manager);
    const row = await manager.findOne(ReturnYear, { where: { startYear }, ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}) });
    return toSettings(reportingYear(startYear), row);
  }

  private async ensureRow(startYear: number, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO return_years (start_year, due_on, version) VALUES ($1, $2, 1) ON CONFLICT (start_year) DO NOTHING`, [
      startYear,
      defaultDueOn(reportingYear(startYear)),
    ]);
  }

  /** Years the office can look at: every year with a row or a return, and the latest year that can be filed. */
  async years(): Promise<number[]> {
    const rows = await this.dataSource.query<{ start_year: number }[]>(
      `SELECT start_year FROM return_years UNION SELECT DISTINCT start_year FROM annual_returns UNION SELECT $1::int ORDER BY 1 DESC`,
      [latestFilingYear(this.clock.today()).startYear],
    );
    return rows.map((r) => Number(r.start_year));
  }

  async setDueOn(startYear: number, dueOn: string, actor: Actor): Promise<YearSettings> {
    const year = reportingYear(startYear);
    if (dueOn < year.opensOn)
      throw invalid(`Returns for ${year.label} cannot be due before the year has ended.`, [{ field: 'dueOn', problem: `must be ${year.opensOn} or later` }]);
    return this.change(startYear, actor, 'return-year.due-date-set', (row) => {
      row.dueOn = dueOn;
    });
  }

  async close(startYear: number, actor: Actor): Promise<YearSettings> {
    const year = reportingYear(startYear);
    if (this.clock.today() < year.opensOn)
      throw conflict('RETURN_YEAR.NOT_ENDED', `${year.label} has not ended yet: it can be closed once its returns have been filed.`);
    return this.change(startYear, actor, 'return-year.closed', (row) => {
      if (row.closedAt) throw conflict('RETURN_YEAR.CLOSED', `${year.label} is already closed.`);
      row.closedAt = this.clock.now();
      row.closedBy = actor.id;
    });
  }

  async reopen(startYear: number, actor: Actor): Promise<YearSettings> {
    return this.change(startYear, actor, 'return-year.reopened', (row) => {
      if (!row.closedAt) throw conflict('RETURN_YEAR.OPEN', `${reportingYear(startYear).label} is not closed.`);
      row.closedAt = null;
      row.closedBy = null;
    });
  }

  private change(startYear: number, actor: Actor, action: string, apply: (row: ReturnYear) => void): Promise<YearSettings> {
    return this.dataSource.transaction(async (manager) => {
      await this.ensureRow(startYear, manager);
      const row = await manager.findOneOrFail(ReturnYear, { where: { startYear }, lock: { mode: 'pessimistic_write' } });
      const before = toSettings(reportingYear(startYear), row);
      apply(row);
      await manager.save(row);
      const after = toSettings(reportingYear(startYear), row);
      await this.audit.record({ actor, action, entity: 'return_year', entityId: String(startYear), before, after }, manager);
      return after;
    });
  }
}

function toSettings(year: ReportingYear, row: ReturnYear | null): YearSettings {
  return { ...year, dueOn: row?.dueOn ?? defaultDueOn(year), closed: row?.closedAt != null, closedAt: row?.closedAt?.toISOString() ?? null };
}
