import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, invalid, ProblemDetail } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { prepared } from '@npa/platform';
import { RuleParameterVersion } from './rule-parameters.entity';
import { DEFAULT_RULE_PARAMS, RuleParams, ruleParamsSchema } from './rules/params';

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
