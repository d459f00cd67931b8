// What a reviewer's decision must hold before it is recorded. The reviewer judges the judged criteria;
// the register decides the computed ones, and a decision cannot contradict it.
import type { ProblemDetail } from '@npa/platform';
import type { RuleResult } from '@npa/compliance';
import { CRITERIA, ESSENTIAL_CRITERIA } from './criteria';

export type Decision = 'approved' | 'rejected';

export interface CriterionVerdict {
  id: string;
  outcome: 'pass' | 'fail';
  reason: string;
}

export interface DecisionCheck {
  /** The decision contradicts itself or leaves something out: 400. */
  input: ProblemDetail[];
  /** The register, as of the decision, does not allow it: 409. */
  register: ProblemDetail[];
}

/**
 * Every essential criterion needs the reviewer's outcome and reason. Approval needs every one to pass
 * (computed ones as the register stands today); a rejection needs at least one that does not.
 */
export function checkDecision(decision: Decision, verdicts: readonly CriterionVerdict[], computed: readonly RuleResult[]): DecisionCheck {
  const input: ProblemDetail[] = [];
  const register: ProblemDetail[] = [];
  const seen = new Set<string>();
  verdicts.forEach((v, i) => {
    const field = `criteria.${i}`;
    if (!CRITERIA.some((c) => c.id === v.id)) input.push({ field: `${field}.id`, problem: `"${v.id}" is not a Stamp of Approval criterion` });
    else if (seen.has(v.id)) input.push({ field: `${field}.id`, problem: `${v.id} is given twice` });
    seen.add(v.id);
    if (v.reason.trim() === '') input.push({ field: `${field}.reason`, problem: 'must say why' });
    const result = computed.find((r) => r.id === v.id);
    if (result && result.outcome !== v.outcome) {
      register.push({
        field: v.id,
        problem: `is decided from the register, where it is ${result.outcome === 'pass' ? 'met' : 'not met'} today: ${result.explanation}`,
      });
    }
  });
  for (const c of ESSENTIAL_CRITERIA) if (!seen.has(c.id)) input.push({ field: 'criteria', problem: `${c.id} needs an outcome and a reason` });

  const essential = (id: string) => ESSENTIAL_CRITERIA.some((c) => c.id === id);
  if (decision === 'approved') {
    for (const v of verdicts)
      if (essential(v.id) && v.outcome === 'fail') input.push({ field: v.id, problem: 'is judged not met, so the application cannot be approved' });
    for (const r of computed) {
      if (essential(r.id) && r.outcome === 'fail' && !register.some((p) => p.field === r.id))
        register.push({ field: r.id, problem: `is not met today: ${r.explanation}` });
    }
  } else if (!verdicts.some((v) => essential(v.id) && v.outcome === 'fail') && !computed.some((r) => essential(r.id) && r.outcome === 'fail')) {
    input.push({ field: 'criteria', problem: 'a rejection needs at least one criterion that is not met, with its reason' });
  }
  return { input, register };
}
