import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, conflict, invalid, notFound, AppConfig, todayIn, Clock } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { formatDate } from '@npa/letters';
import { Service, teamCaseloadOn } from '@npa/registry';
import { AnnualReturn } from './annual-return.entity';
import { AnnualReturnRevision } from './annual-return-revision.entity';
import { ReturnYears, type YearSettings } from './return-years.service';
import type { FileReturnDto } from './returns.dto';
import { pickFigures, type ReturnFigures } from './rules/figures';
import { checkReturn, type CarriedIn } from './rules/return-checks';
import { latestFilingYear, reportingYear } from './rules/reporting-year';
import { returnState, type ReturnView } from './returns.views';

/** Filing and correcting a service's annual return, and reading it beside last year's. */
@Injectable()
export class ReturnsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: ReturnYears,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The years the service is expected to file for (from its registration), latest first, with each return's state. */
  async list(serviceId: string): Promise<ReturnView[]> {
    const service = await this.service(serviceId);
    const latest = latestFilingYear(this.clock.today()).startYear;
    const first = Math.max(Number(service.registeredOn.slice(0, 4)) - 1, latest - 9);
    const filed = await this.dataSource.getRepository(AnnualReturn).find({ where: { serviceId } });
    const starts = new Set(filed.map((r) => r.startYear));
    for (let y = first; y <= latest; y++) if (reportingYear(y).endsOn >= service.registeredOn) starts.add(y);
    const views = await Promise.all([...starts].sort((a, b) => b - a).map((y) => this.view(service, y)));
    return views;
  }

  async get(serviceId: string, startYear: number): Promise<ReturnView> {
    return this.view(await this.service(serviceId), startYear);
  }

  async file(serviceId: string, startYear: number, dto: FileReturnDto, actor: Actor): Promise<ReturnView> {
    const figures = pickFigures(dto);
    const saved = await this.dataSource.transaction(async (manager) => {
      const service = await manager.findOne(Service, { where: { id: serviceId }, lock: { mode: 'pessimistic_read' } });
      if (!service) throw notFound('The service');
      // Read under a share lock of the year's row (when there is one), so a close waits for this filing or refuses it.
      const year = await this.years.settings(startYear, manager, true);
      this.refuseUnlessOpen(service, year);
      const carriedIn = await this.carriedIn(serviceId, startYear, manager);
      const problems = checkReturn(figures, carriedIn);
      if (problems.length > 0) throw invalid(`The ${year.label} return has figures that cannot all be right.`, problems);

      const existing = await manager.findOne(AnnualReturn, { where: { serviceId, startYear }, lock: { mode: 'pessimistic_write' } });
      const before = existing ? pickFigures(existing) : null;
      const row = existing ?? manager.create(AnnualReturn, { serviceId, startYear, filedBy: actor.id, revision: 0 });
      Object.assign(row, figures, { updatedBy: actor.id, revision: row.revision + 1 });
      const stored = await manager.save(row);
      await manager.insert(AnnualReturnRevision, { returnId: stored.id, revision: stored.revision, figures, filedBy: actor.id, filedByName: actor.name });
      await this.audit.record(
        {
          actor,
          action: existing ? 'annual-return.corrected' : 'annual-return.filed',
          entity: 'service',
          entityId: serviceId,
          before,
          after: { year: year.label, ...figures },
        },
        manager,
      );
      return service;
    });
    return this.view(saved, startYear);
  }

  private refuseUnlessOpen(service: Service, year: YearSettings): void {
    const blocked = this.blocked(service, year);
    if (blocked) throw conflict(blocked.code, blocked.message);
  }

  /** Why the return cannot be filed or corrected now, in words for the manager (the page shows it, a filing is refused with it). */
  private blocked(service: Service, year: YearSettings): { code: string; message: string } | null {
    if (this.clock.today() < year.opensOn)
      return { code: 'RETURN.NOT_OPEN', message: `The ${year.label} return can be filed from ${formatDate(year.opensOn)}, once the year has ended.` };
    if (year.closed)
      return {
        code: 'RETURN.YEAR_CLOSED',
        message: `The NPA has closed ${year.label}: its returns can no longer be changed. Ask the NPA office if a figure is wrong.`,
      };
    if (service.registeredOn > year.endsOn)
      return {
        code: 'RETURN.NOT_REGISTERED',
        message: `${service.name} was registered on ${formatDate(service.registeredOn)}, after ${year.label} ended: no return is due for it.`,
      };
    return null;
  }

  /**
   * Children a service can support besides this year's referrals: those it supported last year, from last
   * year's return, or when there is none, the team's caseload on the first day of the year.
   */
  async carriedIn(serviceId: string, startYear: number, manager: EntityManager = this.dataSource.manager): Promise<CarriedIn> {
    const last = await manager.findOne(AnnualReturn, { where: { serviceId, startYear: startYear - 1 } });
    if (last) return { children: last.childrenSupported, source: `children supported in ${reportingYear(startYear - 1).label}` };
    const startsOn = reportingYear(startYear).startsOn;
    const caseload = await teamCaseloadOn(manager, serviceId, startsOn);
    return { children: caseload, source: `children on the team's caseload on ${formatDate(startsOn)}` };
  }

  private async view(service: Service, startYear: number): Promise<ReturnView> {
    const year = await this.years.settings(startYear);
    const [current, previous, history] = await Promise.all([
      this.dataSource.getRepository(AnnualReturn).findOne({ where: { serviceId: service.id, startYear } }),
      this.dataSource.getRepository(AnnualReturn).findOne({ where: { serviceId: service.id, startYear: startYear - 1 } }),
      this.dataSource.query<{ revision: number; figures: ReturnFigures; filed_by_name: string; filed_at: Date }[]>(
        `SELECT v.revision, v.figures, v.filed_by_name, v.filed_at FROM annual_return_revisions v JOIN annual_returns r ON r.id = v.return_id
          WHERE r.service_id = $1 AND r.start_year = $2 ORDER BY v.revision DESC`,
        [service.id, startYear],
      ),
    ]);
    const today = this.clock.today();
    const blocked = this.blocked(service, year);
    return {
      serviceId: service.id,
      serviceName: service.name,
      year,
      // Late or not is decided by the first filing: a correction after the due date does not make a return late.
      state: returnState(current ? todayIn(this.config.TIME_ZONE, current.filedAt) : null, year, today),
      canFile: blocked === null,
      blockedBecause: blocked?.message ?? null,
      figures: current ? pickFigures(current) : null,
      revision: current?.revision ?? 0,
      filedAt: current?.filedAt.toISOString() ?? null,
      updatedAt: current?.updatedAt.toISOString() ?? null,
      lastYear: previous ? { year: reportingYear(startYear - 1), figures: pickFigures(previous) } : null,
      history: history.map((h) => ({ revision: h.revision, filedByName: h.filed_by_name, filedAt: new Date(h.filed_at).toISOString(), figures: h.figures })),
    };
  }

  private async service(id: string): Promise<Service> {
    const service = await this.dataSource.getRepository(Service).findOne({ where: { id } });
    if (!service) throw notFound('The service');
    return service;
  }
}
