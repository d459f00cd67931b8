// What a reviewer's decision must hold before it is recorded. The reviewer judges the judged criteria;
// the register decides the computed ones. A decision may leave the computed ones out, or list them:
// then it must agree with the register.
import type { ProblemDetail } from '@npa/platform';
import type { RuleResult } from '@npa/compliance';
import { CRITERIA, criterion } from './criteria';

export type Decision = 'approved' | 'rejected';

export interface CriterionVerdict {
  id: string;
  outcome: 'pass' | 'fail';
  reason: string;
}

export interface DecisionCheck {
  /** The decision contradicts itself or leaves something out: 400. */
  input: ProblemDetail[];
  /** The register, as the decision's transaction reads it, does not allow it: 409. */
  register: ProblemDetail[];
  /** What is recorded for each criterion: the reviewer's verdict on the judged ones, the register's on the computed ones. */
  outcomes: CriterionVerdict[];
}

const essential = (id: string) => criterion(id)?.level === 'essential';
const met = (outcome: 'pass' | 'fail') => (outcome === 'pass' ? 'met' : 'not met');

/** What can be told from the body alone: every judged criterion once, with a reason; nothing unknown. */
export function checkVerdicts(verdicts: readonly CriterionVerdict[]): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const seen = new Set<string>();
  verdicts.forEach((v, i) => {
    const field = `criteria.${i}`;
    if (!criterion(v.id)) problems.push({ field: `${field}.id`, problem: `"${v.id}" is not a Stamp of Approval criterion` });
    else if (seen.has(v.id)) problems.push({ field: `${field}.id`, problem: `${v.id} is given twice` });
    seen.add(v.id);
    if (v.reason.trim() === '') problems.push({ field: `${field}.reason`, problem: 'must say why' });
  });
  for (const c of CRITERIA) if (c.kind === 'judged' && !seen.has(c.id)) problems.push({ field: 'criteria', problem: `${c.id} needs an outcome and a reason` });
  return problems;
}

/**
 * Checks a decision against the register's results. Approval needs every essential criterion met: the
 * judged ones by the reviewer, the computed ones by the register; a rejection needs at least one not met.
 */
export function checkDecision(decision: Decision, verdicts: readonly CriterionVerdict[], computed: readonly RuleResult[]): DecisionCheck {
  const input = checkVerdicts(verdicts);
  const register: ProblemDetail[] = [];
  const given = (id: string) => verdicts.find((v) => v.id === id);

  const outcomes = CRITERIA.flatMap((c): CriterionVerdict[] => {
    const verdict = given(c.id);
    if (c.kind === 'judged') return verdict ? [{ id: c.id, outcome: verdict.outcome, reason: verdict.reason.trim() }] : [];
    const result = computed.find((r) => r.id === c.id);
    if (!result || (!verdict && c.level !== 'essential')) return [];
    // Only a failing rule stands against the award; one that does not apply is no obstacle.
    const outcome = result.outcome === 'fail' ? 'fail' : 'pass';
    if (verdict && verdict.outcome !== outcome)
      register.push({
        field: c.id,
        problem: `is decided from the register, which says it is ${met(outcome)} (the decision says ${met(verdict.outcome)}): ${result.explanation}`,
      });
    return [{ id: c.id, outcome, reason: verdict?.reason.trim() || result.explanation }];
  });

  const failing = outcomes.filter((o) => essential(o.id) && o.outcome === 'fail');
  if (decision === 'approved') {
    for (const o of failing) {
      if (criterion(o.id)?.kind === 'judged') input.push({ field: o.id, problem: 'is judged not met, so the application cannot be approved' });
      else if (!register.some((p) => p.field === o.id))
        register.push({ field: o.id, problem: `is not met, so the application cannot be approved: ${o.reason}` });
    }
  } else if (failing.length === 0 && register.length === 0) {
    // When the reviewer failed a computed criterion the register passes, that disagreement is the answer (409).
    input.push({ field: 'criteria', problem: 'a rejection needs at least one criterion that is not met, with its reason' });
  }
  return { input, register, outcomes };
}
