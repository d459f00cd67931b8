// The shapes the approval routes answer with, built field by field so nothing else leaks out.
import type { RuleResult } from '@npa/compliance';
import type { Application } from './application.entity';
import type { ApplicationCriterion } from './application-criterion.entity';
import type { ApplicationEvent } from './application-event.entity';
import type { Evidence } from './evidence.entity';
import { CRITERIA } from './rules/criteria';
import { ApplicationAction, STEPS } from './rules/machine';
import { supports } from './rules/submission.rules';

export const toEvidenceView = (e: Evidence) => ({
  id: e.id,
  applicationId: e.applicationId,
  criterionId: e.criterionId,
  fileName: e.fileName,
  contentType: e.contentType,
  sizeBytes: e.sizeBytes,
  sha256: e.sha256,
  uploadedAt: e.createdAt.toISOString(),
});
export type EvidenceView = ReturnType<typeof toEvidenceView>;

/**
 * Who did something, as a caller may see it: NPA staff get the user id too; a setting gets the name and
 * role only, since a user id is what a forged token would need (and a setting has no use for one).
 */
export function userRef(user: { id: string | null; name: string | null; role?: string | null }, forStaff: boolean) {
  const ref = { name: user.name, ...(user.role !== undefined ? { role: user.role } : {}) };
  return forStaff ? { id: user.id, ...ref } : ref;
}

const toEventView = (e: ApplicationEvent, forStaff: boolean) => ({
  at: e.at.toISOString(),
  action: e.action,
  fromState: e.fromState,
  toState: e.toState,
  message: e.message,
  by: userRef({ id: e.actorId, name: e.actorName, role: e.actorRole }, forStaff),
});

interface ViewInput {
  application: Application;
  criteria: ApplicationCriterion[];
  evidence: EvidenceView[];
  history: ApplicationEvent[];
  /** Today's register results while the application is open; null once closed. */
  live: RuleResult[] | null;
  /** Reviewers' recommendations are their working notes: NPA staff see them, the setting sees the decision. */
  forStaff: boolean;
}

export function toApplicationView({ application: a, criteria, evidence, history, live, forStaff }: ViewInput) {
  return {
    id: a.id,
    settingId: a.settingId,
    settingName: a.setting?.name ?? null,
    state: a.state,
    kind: a.kind,
    version: a.version,
    renewsAwardId: a.renewsAwardId,
    reviewer: a.reviewerId ? userRef({ id: a.reviewerId, name: a.reviewer?.name ?? null, role: 'npa_reviewer' }, forStaff) : null,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    nextSteps: (Object.keys(STEPS) as ApplicationAction[]).filter((action) => (STEPS[action].from as readonly string[]).includes(a.state)),
    criteria: CRITERIA.map((c) => {
      const row = criteria.find((r) => r.criterionId === c.id);
      const result = c.kind === 'computed' ? (live?.find((r) => r.id === c.id) ?? row?.evaluation ?? null) : null;
      const files = evidence.filter((e) => supports(e, c));
      return {
        id: c.id,
        kind: c.kind,
        level: c.level,
        title: c.title,
        outcome: row?.outcome ?? result?.outcome ?? null,
        explanation: result?.explanation ?? judgedExplanation(row, files.length),
        reason: row?.reason ?? null,
        statement: row?.statement ?? null,
        evidenceIds: files.map((e) => e.id),
        recommendation: forStaff && row?.recommendation ? { outcome: row.recommendation, note: row.recommendationNote } : null,
        facts: result?.facts ?? null,
      };
    }),
    evidence,
    history: history.map((e) => toEventView(e, forStaff)),
  };
}

/** An application as its routes and pages show it. */
export type ApplicationView = ReturnType<typeof toApplicationView>;

function judgedExplanation(row: ApplicationCriterion | undefined, files: number): string {
  if (row?.outcome) return row.reason ?? '';
  const statement = row?.statement ? 'A statement is given' : 'No statement yet';
  return `${statement}, with ${files === 0 ? 'no evidence' : files === 1 ? '1 evidence file' : `${files} evidence files`}; an NPA reviewer judges this criterion.`;
}
