import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, invalid, ProblemDetail } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { KeptUnderVersion, prepared } from '@npa/platform';
import { RuleParameterVersion } from './rule-parameters.entity';
import { DEFAULT_RULE_PARAMS, RuleParams, ruleParamsConflicts, ruleParamsSchema } from './rules/params';

export interface ParameterSet {
  version: number;
  params: RuleParams;
}

/** Checks an admin's edit against the schema of parameters; every problem is reported at once. */
export function validateParams(changes: Record<string, unknown>): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  for (const [name, value] of Object.entries(changes)) {
    const spec = ruleParamsSchema.find((s) => s.name === name);
    if (!spec) problems.push({ field: name, problem: 'is not a rule parameter' });
    else if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ field: name, problem: 'must be a number' });
    else if (spec.type === 'integer' && !Number.isInteger(value)) problems.push({ field: name, problem: 'must be a whole number' });
    else if (value < spec.min || (spec.max !== undefined && value > spec.max))
      problems.push({ field: name, problem: `must be between ${spec.min} and ${spec.max ?? 'any'}` });
  }
  return problems;
}

/** The thresholds in force: versioned, never edited in place, so every evaluation names the one it used. */
@Injectable()
export class RuleParametersService {
  private readonly versions = new Map<number, RuleParams>();
  /** The set last read, under the register version read before it (see inForceAt). */
  private readonly lastRead = new KeptUnderVersion<ParameterSet>(1);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** With a manager, read in that transaction (a decision evaluates the register inside its own). */
  async current(manager?: EntityManager): Promise<ParameterSet> {
    const sql = 'SELECT version, params FROM rule_parameter_versions ORDER BY version DESC LIMIT 1';
    // Read on every compliance answer: a prepared statement, not the query builder (README, Benchmarks).
    const [row] = manager
      ? await manager.query<Pick<RuleParameterVersion, 'version' | 'params'>[]>(sql)
      : await prepared<Pick<RuleParameterVersion, 'version' | 'params'>>(this.dataSource, 'rules.parameters', sql, []);
    return row ? { version: row.version, params: { ...DEFAULT_RULE_PARAMS, ...row.params } } : { version: 0, params: { ...DEFAULT_RULE_PARAMS } };
  }

  /**
   * The set in force, for a caller that has just read the register's version (EvaluationCache): the
   * parameters are one of the tables that move it (migration AddRegisterVersion), so while it stands the
   * set read under it still holds, and a computed answer costs one read fewer. A set read after a change
   * may be kept under the version before it, never the reverse: that version's next reader is served
   * the newer set, which it could as well have read itself.
   */
  async inForceAt(registerVersion: string): Promise<ParameterSet> {
    const kept = this.lastRead.get('set', registerVersion);
    if (kept) return { version: kept.version, params: { ...kept.params } };
    const set = await this.current();
    this.lastRead.set('set', registerVersion, { version: set.version, params: { ...set.params } });
    return set;
  }

  /**
   * The set a version brought into force, for work that began under it and finishes later (a reminder
   * found under one set of offsets is checked again under the same set before it goes).
   */
  async at(version: number): Promise<ParameterSet> {
    if (version === 0) return { version: 0, params: { ...DEFAULT_RULE_PARAMS } };
    const kept = this.versions.get(version);
    if (kept) return { version, params: { ...kept } };
    const row = await this.dataSource.getRepository(RuleParameterVersion).findOneBy({ version });
    if (!row) throw new Error(`Rule parameters version ${version} does not exist`);
    const params = { ...DEFAULT_RULE_PARAMS, ...row.params };
    // A version is never edited once written, so it can be kept for the life of the process.
    this.versions.set(version, params);
    return { version, params: { ...params } };
  }

  async history(): Promise<(ParameterSet & { createdAt: string; createdBy: string | null })[]> {
    const rows = await this.dataSource.getRepository(RuleParameterVersion).find({ order: { version: 'DESC' } });
    return rows.map((r) => ({ version: r.version, params: r.params, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy }));
  }

  async update(changes: Record<string, unknown>, actor: Actor): Promise<ParameterSet & { schema: typeof ruleParamsSchema }> {
    const problems = validateParams(changes);
    if (problems.length > 0) throw invalid('Some rule parameters are not valid.', problems);
    return this.dataSource.transaction('SERIALIZABLE', async (manager) => {
      const [latest] = await manager.query<{ version: number; params: RuleParams }[]>(
        'SELECT version, params FROM rule_parameter_versions ORDER BY version DESC LIMIT 1 FOR UPDATE',
      );
      const before = { ...DEFAULT_RULE_PARAMS, ...(latest?.params ?? {}) };
      const params = { ...before, ...(changes as Partial<RuleParams>) };
      const conflicts = ruleParamsConflicts(params);
      if (conflicts.length > 0) throw invalid('Some rule parameters do not fit together.', conflicts);
      const version = (latest?.version ?? 0) + 1;
      await manager.insert(RuleParameterVersion, { version, params, createdBy: actor.id });
      await this.audit.record(
        { actor, action: 'rule_parameters.changed', entity: 'rule_parameters', entityId: String(version), before, after: params },
        manager,
      );
      return { version, params, schema: ruleParamsSchema };
    });
  }
}
