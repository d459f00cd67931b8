import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LettersService } from '@npa/letters';
import type { NationalSnapshotData } from './returns-letter-kinds';
import { AuditService, conflict, csvText, Clock, userNames } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { serviceLines } from '@npa/registry';
import { AnnualReturn } from './annual-return.entity';
import { authorityMatcher, type LocalAuthority as LocalAuthorityRow } from './local-authorities';
import { ReturnYears } from './return-years.service';
import { pickFigures, type ReturnFigures } from './rules/figures';
import { reportingYear } from './rules/reporting-year';
import { buildSnapshot, type Snapshot, type SnapshotService as ServiceLine, type YearInput } from './rules/snapshot';
import { snapshotLines } from './rules/snapshot-lines';
import { SnapshotReport } from './snapshot-report.entity';

/** The national snapshot of a year, on demand: as JSON for the page, as CSV, and as a PDF report kept on file. */
@Injectable()
export class SnapshotService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: ReturnYears,
    private readonly letters: LettersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async compute(startYear: number, manager: EntityManager = this.dataSource.manager): Promise<Snapshot> {
    const year = reportingYear(startYear);
    if (this.clock.today() < year.opensOn)
      throw conflict('SNAPSHOT.YEAR_NOT_ENDED', `${year.label} has not ended: its snapshot can be made from ${year.opensOn}, as returns arrive.`);
    const authorities = await this.authorities(year.endsOn, manager);
    // One year after the other: `manager` may be a transaction's, whose one connection takes one query at a time.
    const current = await this.yearInput(startYear, authorities, manager);
    const previous = await this.yearInput(startYear - 1, authorities, manager);
    return buildSnapshot(current, previous.services.length > 0 ? previous : null, authorities);
  }

  async csv(startYear: number): Promise<string> {
    const snapshot = await this.compute(startYear);
    const previousLabel = snapshot.previous?.year.label ?? '';
    const national = snapshotLines(snapshot).map((l) => [
      'national',
      l.label,
      l.value,
      l.number ?? '',
      l.share?.of ?? '',
      l.share?.percent ?? '',
      l.previous ?? '',
      l.change ?? '',
    ]);
    const regions = snapshot.regions.map((r) => [
      'region',
      r.region,
      `${r.authoritiesCovered} of ${r.authorities} local authorities`,
      r.services,
      r.authorities,
      r.authorities ? Math.round((r.authoritiesCovered / r.authorities) * 100) : '',
      '',
      '',
    ]);
    const missing = snapshot.missing.map((m) => ['return not filed', m.name, '', '', '', '', '', '']);
    const columns = [
      'section',
      'figure',
      `${snapshot.year.label}${snapshot.provisional ? ' (provisional)' : ''}`,
      'count',
      'of',
      'percent',
      previousLabel || 'previous year',
      'change',
    ];
    return csvText(columns, [...national, ...regions, ...missing]);
  }

  /** Freezes today's figures in a report and asks the letters machinery for its PDF (composed by the worker). */
  async requestReport(startYear: number, actor: Actor): Promise<{ id: string; letterId: string; provisional: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const snapshot = await this.compute(startYear, manager);
      const report = await manager.save(
        manager.create(SnapshotReport, { startYear, provisional: snapshot.provisional, figures: snapshot, createdBy: actor.id }),
      );
      const letterId = await this.letters.request(manager, {
        kind: 'national-snapshot',
        subjectKind: 'report',
        subjectId: report.id,
        subjectName: `National snapshot ${snapshot.year.label}`,
        dedupeKey: `snapshot.${report.id}`,
        letterDate: this.clock.today(),
        data: reportData(snapshot, this.clock.today()),
        addressee: { name: actor.name, organisation: 'National Portage Association', addressLines: [] },
        recipients: [],
        createdBy: actor.id,
      });
      await manager.update(SnapshotReport, { id: report.id }, { letterId });
      await this.audit.record(
        {
          actor,
          action: 'snapshot.report-requested',
          entity: 'snapshot_report',
          entityId: report.id,
          after: { year: snapshot.year.label, provisional: snapshot.provisional, letterId },
        },
        manager,
      );
      return { id: report.id, letterId, provisional: snapshot.provisional };
    });
  }

  async reports(startYear: number) {
    const reports = await this.dataSource.getRepository(SnapshotReport).find({
      select: { id: true, provisional: true, createdAt: true, letterId: true, createdBy: true },
      where: { startYear },
      order: { createdAt: 'DESC' },
    });
    const [rendered, names] = await Promise.all([
      this.letters.renderedAt(reports.flatMap((r) => (r.letterId ? [r.letterId] : []))),
      userNames(this.dataSource.manager, [...new Set(reports.map((r) => r.createdBy))]),
    ]);
    return reports.map((r) => ({
      id: r.id,
      provisional: r.provisional,
      createdAt: r.createdAt.toISOString(),
      createdByName: names.get(r.createdBy) ?? null,
      letterId: r.letterId,
      ready: r.letterId !== null && (rendered.get(r.letterId) ?? null) !== null,
      pdf: r.letterId ? `/letters/${r.letterId}.pdf` : null,
    }));
  }

  private async authorities(endsOn: string, manager: EntityManager): Promise<LocalAuthorityRow[]> {
    return manager.query<LocalAuthorityRow[]>(
      `SELECT code, name, region, kind FROM local_authorities
        WHERE (started_on IS NULL OR started_on <= $1) AND (ended_on IS NULL OR ended_on >= $1) ORDER BY code`,
      [endsOn],
    );
  }

  private async yearInput(startYear: number, authorities: LocalAuthorityRow[], manager: EntityManager): Promise<YearInput> {
    const year = await this.years.settings(startYear, manager);
    const rows = await serviceLines(manager, year.endsOn);
    const match = authorityMatcher(authorities);
    const services: ServiceLine[] = rows.map((s) => {
      const authority = match(s.localAuthority);
      return { id: s.id, name: s.name, authorityCode: authority?.code ?? null, region: authority?.region ?? s.region };
    });
    const returns = await manager.find(AnnualReturn, { where: { startYear } });
    return { year, closed: year.closed, services, returns: new Map(returns.map((r): [string, ReturnFigures] => [r.serviceId, pickFigures(r)])) };
  }
}

function reportData(snapshot: Snapshot, asOf: string): NationalSnapshotData {
  return {
    yearLabel: snapshot.year.label,
    provisional: snapshot.provisional,
    asOf,
    ...(snapshot.previous ? { previousYearLabel: snapshot.previous.year.label } : {}),
    lines: snapshotLines(snapshot).map(({ label, value, detail, previous, change }) => ({
      label,
      value,
      ...(detail ? { detail } : {}),
      ...(previous ? { previous } : {}),
      ...(change ? { change } : {}),
    })),
    regions: snapshot.regions.map((r) => ({ ...r, percent: r.authorities ? Math.round((r.authoritiesCovered / r.authorities) * 100) : 0 })),
    regionsWithoutService: snapshot.regionsWithoutService,
    missing: snapshot.missing.map((m) => m.name),
  };
}
