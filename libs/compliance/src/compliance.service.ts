import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IsoDate, OrganisationKind } from '@npa/platform';
import { invalid, notFound, ProblemDetail, Clock } from '@npa/platform';
import { organisationExists, serviceLines } from '@npa/registry';
import { ComplianceSnapshot } from './compliance-snapshot.entity';
import { OverviewQuery, WhatIfChangeDto, WhatIfDto } from './compliance.dto';
import { EvaluationCache } from './evaluation-cache';
import { FactsLoader } from './read-model/facts.read-model';
import { RuleParametersService } from './rule-parameters.service';
import { diffResults } from './rules/diff';
import { handled, SnapshotWriter, type StatusChange } from './snapshot-writer';
import { evaluateService, evaluateSetting, serviceStatus } from './rules/evaluate';
import { applyWhatIf, WhatIfChange } from './rules/what-if';
import type { KeptResult, RuleResult } from './rules/result';

export interface Evaluation {
  asOf: IsoDate;
  status: 'compliant' | 'non_compliant';
  parameterVersion: number;
  rules: RuleResult[];
}

/** Runs the Code's rules over the register as of a date, for one subject or all of them. */
@Injectable()
export class ComplianceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: FactsLoader,
    private readonly parameters: RuleParametersService,
    private readonly clock: Clock,
    private readonly cache: EvaluationCache,
  ) {}

  /** One service's answer as of a date; kept until the register changes (frozen: do not modify). */
  async service(serviceId: string, asOf: IsoDate = this.clock.today()): Promise<Readonly<Evaluation & { serviceId: string }>> {
    return this.cache.through(`service ${serviceId} ${asOf}`, async (registerVersion) => {
      const [serviceFacts, { version, params }] = await Promise.all([
        this.facts.serviceAsOf(serviceId, asOf, registerVersion),
        this.parameters.inForceAt(registerVersion),
      ]);
      if (!serviceFacts) throw notFound('The service');
      const rules = evaluateService(serviceFacts, params, asOf);
      return { serviceId, asOf, status: serviceStatus(rules), parameterVersion: version, rules };
    });
  }

  /** One setting's answer as of a date; kept until the register changes (frozen: do not modify). */
  async setting(settingId: string, asOf: IsoDate = this.clock.today()): Promise<Readonly<Evaluation & { settingId: string }>> {
    return this.cache.through(`setting ${settingId} ${asOf}`, async (registerVersion) => {
      const [settingFacts, { version, params }] = await Promise.all([
        this.facts.settingAsOf(settingId, asOf, registerVersion),
        this.parameters.inForceAt(registerVersion),
      ]);
      if (!settingFacts) throw notFound('The setting');
      const rules = evaluateSetting(settingFacts, params, asOf);
      return { settingId, asOf, status: serviceStatus(rules), parameterVersion: version, rules };
    });
  }

  /**
   * One setting's answer as the caller's transaction sees the register, never from the cache, and kept
   * true until that transaction ends. Holding the register's version row for share does it: a change
   * that is committing is waited for, then seen (each statement reads what is committed when it starts);
   * a change that commits later waits for the caller, because its deferred trigger moves that row
   * (migration AddRegisterVersion). A reviewer's decision relies on it.
   */
  async settingWithin(manager: EntityManager, settingId: string, asOf: IsoDate): Promise<Evaluation & { settingId: string }> {
    await manager.query('SELECT version FROM register_versions WHERE id = 1 FOR SHARE');
    // One after the other: a transaction has one connection.
    const facts = await this.facts.settingWithin(manager, settingId, asOf);
    const { version, params } = await this.parameters.current(manager);
    if (!facts) throw notFound('The setting');
    const rules = evaluateSetting(facts, params, asOf);
    return { settingId, asOf, status: serviceStatus(rules), parameterVersion: version, rules };
  }

  /** Every service's status as of a date, filtered and paged, with how many fail each rule. */
  async overview(query: OverviewQuery) {
    const asOf = query.asOf ?? this.clock.today();
    const [facts, { version, params }, services] = await Promise.all([
      this.facts.services(null, asOf),
      this.parameters.current(),
      serviceLines(this.dataSource.manager),
    ]);
    const rows = services.map((s) => {
      const rules = evaluateService(facts.get(s.id)!, params, asOf);
      return {
        serviceId: s.id,
        name: s.name,
        region: s.region,
        registrationNumber: s.registrationNumber,
        status: serviceStatus(rules),
        failing: rules.filter((r) => r.outcome === 'fail').map((r) => r.id),
      };
    });
    const failingByRule: Record<string, number> = {};
    for (const row of rows) for (const id of row.failing) failingByRule[id] = (failingByRule[id] ?? 0) + 1;
    const filtered = rows.filter(
      (r) => (!query.status || r.status === query.status) && (!query.rule || r.failing.includes(query.rule)) && (!query.region || r.region === query.region),
    );
    return {
      asOf,
      parameterVersion: version,
      counts: {
        services: rows.length,
        compliant: rows.filter((r) => r.status === 'compliant').length,
        nonCompliant: rows.filter((r) => r.status === 'non_compliant').length,
        failingByRule,
      },
      items: filtered.slice(query.offset, query.offset + query.pageSize),
      page: query.page,
      pageSize: query.pageSize,
      total: filtered.length,
    };
  }

  /** The results as they would be after the changes; nothing is saved. */
  async whatIf(serviceId: string, dto: WhatIfDto) {
    const asOf = dto.asOf ?? this.clock.today();
    const [facts, { version, params }] = await Promise.all([this.facts.services([serviceId], asOf), this.parameters.current()]);
    const current = facts.get(serviceId);
    if (!current) throw notFound('The service');
    const changes = dto.changes.map(toWhatIfChange);
    let changed;
    try {
      changed = applyWhatIf(current, changes);
    } catch (error) {
      if (error instanceof RangeError)
        throw invalid('A change names a team member who is not in this service.', [{ field: 'changes', problem: error.message }]);
      throw error;
    }
    const before = evaluateService(current, params, asOf);
    const after = evaluateService(changed, params, asOf);
    const diff = diffResults(before, after);
    return {
      serviceId,
      asOf,
      parameterVersion: version,
      status: serviceStatus(after),
      statusNow: serviceStatus(before),
      changedRules: diff.rules,
      rules: after,
    };
  }

  async history(subjectKind: OrganisationKind, subjectId: string) {
    if (!(await organisationExists(this.dataSource.manager, subjectKind, subjectId))) throw notFound(`The ${subjectKind}`);
    const snapshots = await this.dataSource
      .getRepository(ComplianceSnapshot)
      .find({ where: { subjectKind, subjectId }, order: { asOf: 'ASC', createdAt: 'ASC' } });
    return snapshots.map((s, i) => {
      const diff = diffResults(i === 0 ? null : snapshots[i - 1].results, s.results);
      return { asOf: s.asOf, status: s.status, parameterVersion: s.parameterVersion, changedRules: diff.rules, recordedAt: s.createdAt.toISOString() };
    });
  }

  /**
   * Evaluates every service and setting as of a date and stores a snapshot for each whose status or
   * rule outcomes differ from its latest one. The daily sweep calls this; running it twice stores nothing new.
   */
  async snapshotAll(
    asOf: IsoDate = this.clock.today(),
    onStatusChange?: (manager: EntityManager, evaluation: StatusChange) => Promise<unknown>,
  ): Promise<{ asOf: IsoDate; services: number; settings: number; changed: number; statusChanges: number; nonCompliant: number }> {
    // The facts load on the pool from the first moment, before this transaction has its connection: a
    // reminder kind of the same sweep asking about settings then shares the read (FactsLoader.shared). The
    // settings' come back well before the services' (which wait for a year of supervision sessions), so
    // they are evaluated and stored while the services' still load (README, Benchmarks).
    const settingFacts = handled(this.facts.settings(null, asOf));
    const serviceFacts = handled(this.facts.services(null, asOf));
    return this.dataSource.transaction(async (manager) => {
      // One sweep at a time: a second concurrent one waits, then reads the first one's snapshots as the
      // latest and finds nothing new to store.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('compliance.snapshotAll'))`);
      const [{ version, params }, latest] = await Promise.all([
        this.parameters.current(),
        manager.query<{ subject_kind: string; subject_id: string; results: KeptResult[] }[]>(
          `SELECT DISTINCT ON (subject_kind, subject_id) subject_kind, subject_id, results
             FROM compliance_snapshots WHERE as_of <= $1 ORDER BY subject_kind, subject_id, as_of DESC, created_at DESC`,
          [asOf],
        ),
      ]);
      const snapshots = new SnapshotWriter(manager, asOf, version, new Map(latest.map((l) => [`${l.subject_kind}:${l.subject_id}`, l.results])));
      let settings, services;
      try {
        settings = await settingFacts;
        for (const f of settings.values()) await snapshots.add('setting', f.settingId, evaluateSetting(f, params, asOf));
        services = await serviceFacts;
        for (const f of services.values()) await snapshots.add('service', f.serviceId, evaluateService(f, params, asOf));
      } catch (error) {
        // The transaction's connection is still taking in the COPY: stop it, so the rollback can be sent.
        await snapshots.abandon();
        throw error;
      }
      await snapshots.done();
      for (const e of snapshots.statusChanges) await onStatusChange?.(manager, e);
      const { changed, nonCompliant, statusChanges } = snapshots;
      return { asOf, services: services.size, settings: settings.size, changed, statusChanges: statusChanges.length, nonCompliant };
    });
  }
}

/** Each kind of change needs its own fields; say which are missing rather than guessing. */
function toWhatIfChange(change: WhatIfChangeDto, index: number): WhatIfChange {
  const need = (fields: (keyof WhatIfChangeDto)[]) => {
    const missing: ProblemDetail[] = fields
      .filter((f) => change[f] === undefined)
      .map((f) => ({ field: `changes.${index}.${f}`, problem: `is required for ${change.kind}` }));
    if (missing.length) throw invalid('A what-if change is missing fields.', missing);
  };
  switch (change.kind) {
    case 'member_leaves':
      need(['memberId', 'endDate']);
      return { kind: 'member_leaves', memberId: change.memberId!, endDate: change.endDate! };
    case 'membership_lapses':
      need(['personId', 'endDate']);
      return { kind: 'membership_lapses', personId: change.personId!, endDate: change.endDate! };
    case 'new_starter':
      need(['name', 'role', 'fte', 'caseload', 'startDate']);
      return {
        kind: 'new_starter',
        name: change.name!,
        role: change.role!,
        fte: change.fte!,
        caseload: change.caseload!,
        startDate: change.startDate!,
        isMember: change.isMember,
        isTrained: change.isTrained,
      };
  }
}
