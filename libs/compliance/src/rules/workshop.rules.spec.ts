import { DEFAULT_RULE_PARAMS } from './params';
import { AS_OF, ago, completion, makeService, session, teamMember } from './testing/make-facts';
import { checkSupervisorTrained, checkWorkshop } from './workshop.rules';

const params = DEFAULT_RULE_PARAMS;

describe(checkWorkshop.name, () => {
  it.each([
    { practitioners: 5, trained: 5, outcome: 'pass' },
    { practitioners: 5, trained: 4, outcome: 'fail' },
    { practitioners: 1, trained: 0, outcome: 'fail' },
    { practitioners: 0, trained: 0, outcome: 'not_applicable' },
  ])('$outcome: $practitioners practitioners, $trained trained', ({ practitioners, trained, outcome }) => {
    expect(checkWorkshop(makeService({ practitioners, trained }), params, AS_OF)).toMatchObject({
      id: 'SR-WORKSHOP',
      level: 'essential',
      outcome,
    });
  });

  it.each([
    { case: 'exempts an untrained practitioner on day 83 of their induction period', startedDaysAgo: 83, outcome: 'pass' },
    { case: 'fails an untrained practitioner on day 84, past their induction period', startedDaysAgo: 84, outcome: 'fail' },
    { case: 'exempts an untrained practitioner who starts today (day 0)', startedDaysAgo: 0, outcome: 'pass' },
  ])('$case', ({ startedDaysAgo, outcome }) => {
    const facts = makeService({ practitioners: 3 });
    facts.team.push(teamMember('new', { name: 'Nia New', startDate: ago(startedDaysAgo) }));
    const result = checkWorkshop(facts, params, AS_OF);
    expect(result.outcome).toBe(outcome);
    if (outcome === 'pass') {
      expect(result.facts.exempt).toEqual([{ personId: 'new', name: 'Nia New', startDate: ago(startedDaysAgo), inductionEnds: ago(startedDaysAgo - 83) }]);
    } else {
      expect(result.facts.untrained).toEqual([{ personId: 'new', name: 'Nia New', notCounted: [] }]);
    }
  });

  it.each([
    { case: 'a trainer whose accreditation ended the day before the workshop', trainerAccreditations: [{ from: '2018-01-01', to: '2020-02-02' }] },
    { case: 'a trainer accredited on the first day only', trainerAccreditations: [{ from: '2018-01-01', to: '2020-02-03' }] },
  ])('fails a practitioner whose only workshop was from $case', ({ trainerAccreditations }) => {
    const facts = makeService({ practitioners: 2, trained: 1 });
    facts.completions.push(completion('p2', { workshopStartDate: '2020-02-03', workshopEndDate: '2020-02-04', trainerAccreditations }));
    const result = checkWorkshop(facts, params, AS_OF);
    expect(result.outcome).toBe('fail');
    expect(result.explanation).toContain("trainer's accreditation covered its first and last day");
  });

  it('fails a practitioner whose workshop ends after asOf', () => {
    const facts = makeService({ practitioners: 2, trained: 1 });
    facts.completions.push(completion('p2', { workshopStartDate: AS_OF, workshopEndDate: '2025-07-01' }));
    expect(checkWorkshop(facts, params, AS_OF).outcome).toBe('fail');
  });

  it('names the untrained practitioners and what to do', () => {
    expect(checkWorkshop(makeService({ practitioners: 3, trained: 1 }), params, AS_OF).explanation).toBe(
      '2 of 3 practitioners have not completed a Portage Workshop from an NPA-Accredited Trainer: Person p2 and Person p3. Book them onto a workshop with an NPA-Accredited Trainer.',
    );
  });

  it('ignores practitioners who have left', () => {
    const facts = makeService({ practitioners: 3, trained: 2 });
    facts.team = facts.team.map((m) => (m.personId === 'p3' ? { ...m, endDate: ago(1) } : m));
    expect(checkWorkshop(facts, params, AS_OF).outcome).toBe('pass');
  });
});

describe(checkSupervisorTrained.name, () => {
  it.each([
    { case: 'passes when every supervisor who led a session in the window is trained', sessions: [session(ago(10), ['p1'], 's1')], outcome: 'pass' },
    {
      case: 'fails when an untrained supervisor led a session in the window',
      sessions: [session(ago(10), ['p1'], 's1'), session(ago(20), ['p2'], 'x9')],
      outcome: 'fail',
    },
    { case: 'counts a session 89 days ago, inside the window', sessions: [session(ago(89), ['p1'], 'x9')], outcome: 'fail' },
    // SR-SUPERVISION's window starts at S = asOf - 90, and a session on S is its first point: the same day here.
    { case: 'counts a session exactly 90 days ago, the first day of the window', sessions: [session(ago(90), ['p1'], 'x9')], outcome: 'fail' },
    { case: 'ignores a session 91 days ago, before the window', sessions: [session(ago(91), ['p1'], 'x9')], outcome: 'not_applicable' },
    { case: 'ignores sessions after asOf', sessions: [session('2025-07-01', ['p1'], 'x9')], outcome: 'not_applicable' },
    { case: 'is not applicable when no session was held in the window', sessions: [], outcome: 'not_applicable' },
  ])('$case', ({ sessions, outcome }) => {
    const facts = { ...makeService({ practitioners: 2 }), supervision: sessions };
    expect(checkSupervisorTrained(facts, params, AS_OF)).toMatchObject({ id: 'SR-SUPERVISOR-TRAINED', outcome });
  });

  it('names an untrained supervisor from the team and counts their sessions', () => {
    const facts = makeService({ practitioners: 2 });
    facts.team.push(teamMember('x9', { role: 'supervisor', name: 'Sam Supervisor' }));
    facts.supervision = [session(ago(3), ['p1'], 'x9'), session(ago(17), ['p1', 'p2'], 'x9')];
    const result = checkSupervisorTrained(facts, params, AS_OF);
    expect(result.outcome).toBe('fail');
    expect(result.facts.untrained).toEqual([{ personId: 'x9', name: 'Sam Supervisor' }]);
    expect(result.facts.supervisors).toEqual([expect.objectContaining({ personId: 'x9', sessions: 2, lastSession: ago(3), trained: false })]);
    expect(result.explanation).toMatch(/^Sam Supervisor led supervision since 2025-04-01 but has not completed/);
  });

  it('counts a supervisor as trained only on asOf, not by a workshop finishing later', () => {
    const facts = makeService({ practitioners: 1 });
    facts.completions = facts.completions.filter((c) => c.personId !== 's1');
    facts.completions.push(completion('s1', { workshopStartDate: '2025-07-01', workshopEndDate: '2025-07-02' }));
    expect(checkSupervisorTrained(facts, params, AS_OF).outcome).toBe('fail');
  });
});
