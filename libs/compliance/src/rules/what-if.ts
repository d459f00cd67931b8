// "What if Sam leaves at the end of the month?": a manager tries changes on a copy of the facts and
// runs the same rules over it. The real facts are never touched.
import { minDate, type IsoDate } from '@npa/platform';
import type { ServiceFacts, TeamRole } from './facts';

export type WhatIfChange =
  /** The team member's last day is endDate. */
  | { kind: 'member_leaves'; memberId: string; endDate: IsoDate }
  /** The person's NPA membership ends on endDate and is not renewed. */
  | { kind: 'membership_lapses'; personId: string; endDate: IsoDate }
  | {
      kind: 'new_starter';
      name: string;
      role: TeamRole;
      fte: number;
      caseload: number;
      startDate: IsoDate;
      /** Joins holding NPA membership from the start date. */
      isMember?: boolean;
      /** Arrives having completed a Portage Workshop from an accredited trainer. */
      isTrained?: boolean;
    };

/** Ids given to new starters: `what-if-1`, `what-if-2`... in the order the changes list them. */
export const WHAT_IF_ID_PREFIX = 'what-if-';

function clone(facts: ServiceFacts): ServiceFacts {
  return {
    serviceId: facts.serviceId,
    team: facts.team.map((m) => ({ ...m })),
    memberships: facts.memberships.map((m) => ({ ...m })),
    completions: facts.completions.map((c) => ({ ...c, trainerAccreditations: c.trainerAccreditations.map((a) => ({ ...a })) })),
    supervision: facts.supervision.map((s) => ({ ...s, practitionerIds: [...s.practitionerIds] })),
    inductions: facts.inductions.map((i) => ({ ...i })),
    qualifications: facts.qualifications.map((q) => ({ ...q })),
    trainerAccreditations: facts.trainerAccreditations.map((a) => ({ ...a })),
    networking: facts.networking.map((n) => ({ ...n })),
  };
}

const endBy = (current: IsoDate | null, endDate: IsoDate): IsoDate => (current === null ? endDate : minDate(current, endDate));

export function applyWhatIf(facts: ServiceFacts, changes: readonly WhatIfChange[]): ServiceFacts {
  const next = clone(facts);
  let starters = 0;
  for (const change of changes) {
    switch (change.kind) {
      case 'member_leaves': {
        const row = next.team.find((m) => m.memberId === change.memberId);
        if (!row) throw new RangeError(`No team member ${change.memberId} in service ${facts.serviceId}`);
        row.endDate = endBy(row.endDate, change.endDate);
        break;
      }
      case 'membership_lapses': {
        // Renewals that would have started after the lapse never happen.
        next.memberships = next.memberships
          .filter((m) => m.personId !== change.personId || m.startDate <= change.endDate)
          .map((m) => (m.personId === change.personId ? { ...m, endDate: endBy(m.endDate, change.endDate) } : m));
        break;
      }
      case 'new_starter': {
        const id = `${WHAT_IF_ID_PREFIX}${++starters}`;
        const { name, role, fte, caseload, startDate } = change;
        next.team.push({ memberId: id, personId: id, name, role, fte, caseload, startDate, endDate: null });
        if (change.isMember) next.memberships.push({ personId: id, startDate, endDate: null });
        if (change.isTrained) {
          next.completions.push({
            personId: id,
            workshopStartDate: startDate,
            workshopEndDate: startDate,
            trainerName: 'What-if trainer',
            trainerAccreditations: [{ from: startDate, to: startDate }],
          });
        }
        break;
      }
    }
  }
  return next;
}
