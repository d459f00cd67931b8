// Snapshots are stored only when something a reader would notice changed: the status or a rule's outcome.
// Explanations and facts move daily (day counts, dates) and are not worth a row each.
import { serviceStatus, type ServiceStatus } from './evaluate';
import type { RuleOutcome, RuleResult } from './result';

export interface RuleChange {
  id: string;
  from: RuleOutcome | null;
  to: RuleOutcome;
}

export interface ResultsDiff {
  changed: boolean;
  status: { from: ServiceStatus | null; to: ServiceStatus };
  /** Only the rules whose outcome changed; `from` is null for a rule not in the previous results. */
  rules: RuleChange[];
}

/** Only what both a result and a snapshot's kept result hold (id, level, outcome) is compared. */
type Compared = Pick<RuleResult, 'id' | 'level' | 'outcome'>;

export function diffResults(previous: readonly Compared[] | null, next: readonly Compared[]): ResultsDiff {
  const before = new Map((previous ?? []).map((r) => [r.id, r.outcome]));
  const rules = next.map((r) => ({ id: r.id, from: before.get(r.id) ?? null, to: r.outcome })).filter((c) => c.from !== c.to);
  const status = { from: previous ? serviceStatus(previous) : null, to: serviceStatus(next) };
  const dropped = (previous ?? []).some((p) => !next.some((n) => n.id === p.id));
  return { changed: previous === null || status.from !== status.to || rules.length > 0 || dropped, status, rules };
}
