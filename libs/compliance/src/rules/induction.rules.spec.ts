import { checkInduction } from './induction.rules';
import { DEFAULT_RULE_PARAMS } from './params';
import { AS_OF, ago, makeService, teamMember } from './testing/make-facts';
import type { InductionFact, ServiceFacts, TeamRole } from './facts';

const params = DEFAULT_RULE_PARAMS;

function withStarter(startDate: string, inductions: InductionFact[] = [], role: TeamRole = 'practitioner'): ServiceFacts {
  const facts = makeService({ practitioners: 3 });
  facts.team.push(teamMember('new', { name: 'Nia New', startDate, role }));
  facts.inductions = inductions;
  return facts;
}

describe(checkInduction.name, () => {
  it.each([
    { case: 'passes a new practitioner on day 83, still inside the induction period', start: ago(83), inductions: [], outcome: 'pass', status: 'in_induction' },
    { case: 'fails a new practitioner on day 84 without the checklist', start: ago(84), inductions: [], outcome: 'fail', status: 'overdue' },
    {
      case: 'passes a new practitioner past the period with the checklist completed',
      start: ago(200),
      inductions: [{ personId: 'new', completedOn: ago(120) }],
      outcome: 'pass',
      status: 'completed',
    },
    {
      case: 'passes a checklist completed early, inside the period',
      start: ago(20),
      inductions: [{ personId: 'new', completedOn: ago(1) }],
      outcome: 'pass',
      status: 'completed',
    },
    {
      case: 'fails when the checklist is recorded only after asOf',
      start: ago(100),
      inductions: [{ personId: 'new', completedOn: '2025-07-01' }],
      outcome: 'fail',
      status: 'overdue',
    },
    {
      case: "fails when only someone else's checklist is recorded",
      start: ago(100),
      inductions: [{ personId: 'p1', completedOn: ago(5) }],
      outcome: 'fail',
      status: 'overdue',
    },
    { case: 'fails a practitioner who started 364 days ago without the checklist', start: '2024-07-01', inductions: [], outcome: 'fail', status: 'overdue' },
  ])('$case', ({ start, inductions, outcome, status }) => {
    const result = checkInduction(withStarter(start, inductions), params, AS_OF);
    expect(result).toMatchObject({ id: 'SR-INDUCTION', level: 'essential', outcome });
    expect(result.facts.newStarters).toEqual([expect.objectContaining({ personId: 'new', status })]);
  });

  it.each([
    { case: 'nobody started in the last 12 months', facts: makeService({ practitioners: 3, startedDaysAgo: 400 }) },
    { case: 'the practitioner started exactly 12 months ago', facts: withStarter('2024-06-30') },
    { case: 'the only new starter is a supervisor', facts: withStarter(ago(100), [], 'supervisor') },
    {
      case: 'the only new starter has already left',
      facts: { ...withStarter(ago(100)), team: withStarter(ago(100)).team.map((m) => (m.personId === 'new' ? { ...m, endDate: ago(1) } : m)) },
    },
    { case: 'the new starter starts after asOf', facts: withStarter('2025-07-01') },
  ])('is not applicable when $case', ({ facts }) => {
    expect(checkInduction(facts, params, AS_OF).outcome).toBe('not_applicable');
  });

  it('explains when each induction period ended and what to do', () => {
    expect(checkInduction(withStarter(ago(84)), params, AS_OF).explanation).toBe(
      'The induction period ended without the NPA induction checklist for Nia New (ended 2025-06-29). Complete the checklist with their mentor or line manager and record it.',
    );
  });

  it('tells when a checklist still in progress is due', () => {
    const result = checkInduction(withStarter(ago(10)), params, AS_OF);
    expect(result.explanation).toBe('Still in their induction period: Nia New (checklist due by 2025-09-11).');
  });
});
