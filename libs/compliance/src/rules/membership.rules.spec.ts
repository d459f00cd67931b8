import { DEFAULT_RULE_PARAMS } from './params';
import { checkMembership } from './membership.rules';
import { AS_OF, ago, makeService, membership, teamMember } from './testing/make-facts';

describe(checkMembership.name, () => {
  it.each([
    { practitioners: 5, members: 3, outcome: 'pass', required: 3 },
    { practitioners: 5, members: 2, outcome: 'fail', required: 3 },
    { practitioners: 4, members: 2, outcome: 'pass', required: 2 },
    { practitioners: 4, members: 1, outcome: 'fail', required: 2 },
    { practitioners: 3, members: 1, outcome: 'fail', required: 2 },
    { practitioners: 3, members: 2, outcome: 'pass', required: 2 },
    { practitioners: 1, members: 1, outcome: 'pass', required: 1 },
    { practitioners: 1, members: 0, outcome: 'fail', required: 1 },
    { practitioners: 8, members: 3, outcome: 'pass', required: 3 },
  ])('$outcome: $practitioners practitioners, $members current members', ({ practitioners, members, outcome, required }) => {
    const result = checkMembership(makeService({ practitioners, members }), DEFAULT_RULE_PARAMS, AS_OF);
    expect(result).toMatchObject({ id: 'SR-MEMBERSHIP', level: 'essential', outcome, facts: { required } });
    expect(result.facts.members).toHaveLength(members);
    expect(result.facts.nonMembers).toHaveLength(practitioners - members);
  });

  it('counts supervisors and managers in the team, but only practitioners decide whether it is small', () => {
    // 4 practitioners and 2 supervisors: small, team of 6, so ceil(6 / 2) = 3 members needed.
    const facts = makeService({ practitioners: 4, supervisors: 2, members: 2 });
    expect(checkMembership(facts, DEFAULT_RULE_PARAMS, AS_OF)).toMatchObject({
      outcome: 'fail',
      facts: { teamSize: 6, practitioners: 4, small: true, required: 3 },
    });
    facts.memberships.push(membership('s1'));
    expect(checkMembership(facts, DEFAULT_RULE_PARAMS, AS_OF).outcome).toBe('pass');
  });

  it.each([
    { change: 'a member who left the day before asOf is not counted', endDate: ago(1), outcome: 'fail' },
    { change: 'a member who leaves on asOf still counts that day', endDate: AS_OF, outcome: 'pass' },
  ])('$change', ({ endDate, outcome }) => {
    // 6 practitioners, 3 members: without p1 the team is 5 with 2 members, one short.
    const facts = makeService({ practitioners: 6, members: 3 });
    facts.team = facts.team.map((m) => (m.personId === 'p1' ? { ...m, endDate } : m));
    expect(checkMembership(facts, DEFAULT_RULE_PARAMS, AS_OF).outcome).toBe(outcome);
  });

  it.each([
    { change: 'a membership that ends on asOf still counts that day', period: membership('p3', '2024-07-01', AS_OF), outcome: 'pass' },
    { change: 'a membership that ended the day before does not count', period: membership('p3', '2024-07-01', ago(1)), outcome: 'fail' },
    { change: 'a membership starting the day after does not count yet', period: membership('p3', '2025-07-01'), outcome: 'fail' },
    { change: "another person's membership does not count", period: membership('someone-else'), outcome: 'fail' },
  ])('$change', ({ period, outcome }) => {
    const facts = makeService({ practitioners: 5, members: 2 });
    facts.memberships.push(period);
    expect(checkMembership(facts, DEFAULT_RULE_PARAMS, AS_OF).outcome).toBe(outcome);
  });

  it('counts a person with two active posts once', () => {
    const facts = makeService({ practitioners: 3, members: 2 });
    facts.team.push(teamMember('p1', { memberId: 'm-p1-second', role: 'supervisor' }));
    expect(checkMembership(facts, DEFAULT_RULE_PARAMS, AS_OF).facts).toMatchObject({ teamSize: 3, required: 2 });
  });

  it('explains the shortfall and names who is not a member', () => {
    const result = checkMembership(makeService({ practitioners: 5, members: 2 }), DEFAULT_RULE_PARAMS, AS_OF);
    expect(result.explanation).toBe(
      '2 of 5 team members are current NPA members; the Code asks for at least 3. 1 more person needs to join or renew NPA professional membership (not members: Person p3, Person p4 and Person p5).',
    );
  });

  it('uses the parameters, not the Code defaults', () => {
    const params = { ...DEFAULT_RULE_PARAMS, membershipMinimum: 4 };
    expect(checkMembership(makeService({ practitioners: 6, members: 3 }), params, AS_OF).outcome).toBe('fail');
  });

  it('is not applicable when no one is on the team', () => {
    expect(checkMembership(makeService({ practitioners: 0 }), DEFAULT_RULE_PARAMS, AS_OF).outcome).toBe('not_applicable');
  });
});
