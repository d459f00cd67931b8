import type { IsoDate } from '@npa/platform';
import type { ServiceFacts } from './facts';
import type { RuleParams } from './params';
import { ruleResult, type RuleMeta, type RuleResult } from './result';
import { activePractitioners, activeTeam, membershipOn } from './team';
import { count, names, sentences } from './wording';

export const SR_MEMBERSHIP: RuleMeta = {
  id: 'SR-MEMBERSHIP',
  level: 'essential',
  title: 'At least three current NPA members in the team; in a small service, 50% of the team',
};

// A share of a whole team rounds up: half of 5 people is 3. The epsilon keeps 0.3 x 10 from becoming 4.
function shareOf(teamSize: number, share: number): number {
  return Math.ceil(teamSize * share - 1e-9);
}

export function checkMembership(facts: ServiceFacts, params: RuleParams, asOf: IsoDate): RuleResult {
  const team = activeTeam(facts.team, asOf);
  if (team.length === 0) {
    return ruleResult(SR_MEMBERSHIP, 'not_applicable', `No one is on the team on ${asOf}.`, { teamSize: 0 });
  }
  const practitioners = activePractitioners(facts.team, asOf).length;
  const small = practitioners <= params.smallServiceMaxPractitioners;
  // The Code's small-service share is a concession: it never asks a small service for more than the minimum.
  const required = small ? Math.min(params.membershipMinimum, shareOf(team.length, params.smallServiceMemberShare)) : params.membershipMinimum;

  const members = team.flatMap((p) => {
    const period = membershipOn(p.personId, asOf, facts.memberships);
    return period ? [{ ...p, membershipEnds: period.endDate }] : [];
  });
  const nonMembers = team.filter((p) => !members.some((m) => m.personId === p.personId));
  const passes = members.length >= required;

  const asked = small
    ? `as a small service (${count(practitioners, 'practitioner')}) the Code asks for at least ${required}`
    : `the Code asks for at least ${required}`;
  const are = members.length === 1 ? 'is a current NPA member' : 'are current NPA members';
  const situation = `${members.length} of ${count(team.length, 'team member')} ${are}; ${asked}.`;
  const short = count(required - members.length, 'more person needs', 'more people need');
  const todo = passes ? '' : `${short} to join or renew NPA professional membership (not members: ${names(nonMembers)}).`;

  return ruleResult(SR_MEMBERSHIP, passes ? 'pass' : 'fail', sentences(situation, todo), {
    teamSize: team.length,
    practitioners,
    small,
    required,
    members,
    nonMembers,
  });
}
