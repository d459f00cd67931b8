// What an application needs before it can be submitted. Evidence uploaded without a criterion is
// evidence for the whole application: it supports every judged criterion.
import type { ProblemDetail } from '@npa/platform';
import type { RuleResult } from '@npa/compliance';
import { CRITERIA, type Criterion } from './criteria';

export interface SubmissionFacts {
  statements: readonly { criterionId: string; statement: string | null }[];
  evidence: readonly { criterionId: string | null }[];
  computed: readonly RuleResult[];
}

/** Does this file support that criterion: tagged to it, or tagged to none. */
export const supports = (evidence: { criterionId: string | null }, c: Pick<Criterion, 'id' | 'kind'>): boolean =>
  c.kind === 'judged' && (evidence.criterionId === null || evidence.criterionId === c.id);

/** Every essential criterion not ready, with what it needs; empty when the application may be submitted. */
export function submissionProblems({ statements, evidence, computed }: SubmissionFacts): ProblemDetail[] {
  return CRITERIA.filter((c) => c.level === 'essential').flatMap((c) => {
    if (c.kind === 'computed') {
      const result = computed.find((r) => r.id === c.id);
      return result?.outcome === 'fail' ? [{ field: c.id, problem: result.explanation }] : [];
    }
    const missing = [
      !statements.find((s) => s.criterionId === c.id)?.statement?.trim() && 'a statement',
      !evidence.some((e) => supports(e, c)) && 'evidence',
    ].filter(Boolean);
    return missing.length ? [{ field: c.id, problem: `needs ${missing.join(' and ')}` }] : [];
  });
}

/** The 409's message: what is missing, in one sentence a setting can act on. */
export function submissionRefusal(problems: readonly ProblemDetail[]): string {
  const list = problems.map((p) => `${p.field} ${p.problem.startsWith('needs') ? p.problem : `is not met (${p.problem})`}`).join('; ');
  return `The application cannot be submitted yet: ${list}. Evidence uploaded without a criterion counts for every judged criterion.`;
}
