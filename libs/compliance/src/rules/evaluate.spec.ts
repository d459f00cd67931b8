import { SERVICE_RULES, SETTING_RULES, evaluateService, evaluateSetting, serviceStatus } from './evaluate';
import { DEFAULT_RULE_PARAMS } from './params';
import type { RuleLevel, RuleOutcome, RuleResult } from './result';
import { AS_OF, ago, completion, makeService, makeSetting, membership, session, shuffled, teamMember } from './testing/make-facts';

const params = DEFAULT_RULE_PARAMS;

const SERVICE_IDS = [
  'SR-MEMBERSHIP',
  'SR-WORKSHOP',
  'SR-SUPERVISION',
  'SR-SUPERVISOR-TRAINED',
  'SR-INDUCTION',
  'SR-CASELOAD',
  'SR-ACCREDITED-TRAINER',
  'SR-LEVEL3',
  'SR-NETWORKING',
];

describe(evaluateService.name, () => {
  it.each([
    { case: 'a compliant service', facts: makeService() },
    { case: 'an empty service', facts: makeService({ practitioners: 0 }) },
    { case: 'a failing service', facts: makeService({ practitioners: 5, members: 1, trained: 2, sessionEveryDays: 20 }) },
  ])('returns every rule exactly once, in the order of the Code table, for $case', ({ facts }) => {
    expect(evaluateService(facts, params, AS_OF).map((r) => r.id)).toEqual(SERVICE_IDS);
  });

  it('describes the same rules in SERVICE_RULES, with their levels', () => {
    const results = evaluateService(makeService(), params, AS_OF);
    expect(SERVICE_RULES.map((r) => [r.id, r.level])).toEqual(results.map((r) => [r.id, r.level]));
    expect(SERVICE_RULES.filter((r) => r.level === 'essential').map((r) => r.id)).toEqual(SERVICE_IDS.slice(0, 5));
  });

  it('passes every rule for the default fixture, with induction not applicable', () => {
    const outcomes = Object.fromEntries(evaluateService(makeService(), params, AS_OF).map((r) => [r.id, r.outcome]));
    expect(outcomes).toEqual({
      'SR-MEMBERSHIP': 'pass',
      'SR-WORKSHOP': 'pass',
      'SR-SUPERVISION': 'pass',
      'SR-SUPERVISOR-TRAINED': 'pass',
      'SR-INDUCTION': 'not_applicable',
      'SR-CASELOAD': 'pass',
      'SR-ACCREDITED-TRAINER': 'pass',
      'SR-LEVEL3': 'pass',
      'SR-NETWORKING': 'pass',
    });
  });

  it('explains every result in a sentence', () => {
    const failing = makeService({ practitioners: 5, members: 1, trained: 2, sessionEveryDays: 20 });
    for (const r of [...evaluateService(makeService(), params, AS_OF), ...evaluateService(failing, params, AS_OF)]) {
      expect(r.explanation).toMatch(/^\S.*\.$/);
    }
  });

  it('refuses an asOf that is not a calendar date', () => {
    expect(() => evaluateService(makeService(), params, '2025-02-30')).toThrow(RangeError);
  });

  describe('gives the same results whatever the order of the facts', () => {
    // A mixed service: leavers, a new starter, a second post, group and individual sessions, lapsed trainers.
    const facts = makeService({ practitioners: 6, members: 2, trained: 4, supervisors: 2, sessionEveryDays: 10 });
    facts.team.push(
      teamMember('leaver', { endDate: ago(30) }),
      teamMember('new', { name: 'Nia New', startDate: ago(100) }),
      teamMember('p2', { memberId: 'm-p2-extra', fte: 0.2, caseload: 6 }),
      teamMember('same-name', { name: 'Person p1', caseload: 20 }),
    );
    facts.memberships.push(membership('p3', '2020-01-01', ago(1)), membership('leaver'), membership('p4', '2024-01-01', AS_OF));
    facts.completions.push(
      completion('p5', { trainerAccreditations: [{ from: '2010-01-01', to: '2011-01-01' }] }),
      completion('p5', { workshopStartDate: '2025-07-01', workshopEndDate: '2025-07-02' }),
      completion('s2', { trainerAccreditations: [] }),
    );
    facts.supervision.push(session(ago(3), ['p1'], 's2'), session(ago(95), ['new'], 's2'), session('2025-07-03', ['p6']));
    facts.inductions.push({ personId: 'new', completedOn: ago(5) }, { personId: 'new', completedOn: ago(50) });
    facts.qualifications.push({ personId: 'p2', kind: 'relevant_degree', status: 'achieved', date: null });
    facts.networking.push({ date: ago(200), event: 'Development Day' }, { date: ago(30), event: 'Another event' });
    const expected = evaluateService(facts, params, AS_OF);

    it.each([1, 2, 3, 42, 2025])('with shuffle seed %i', (seed) => {
      const reordered = shuffled(facts, seed);
      expect(reordered.team).not.toEqual(facts.team);
      expect(evaluateService(reordered, params, AS_OF)).toEqual(expected);
    });

    it('for a setting too', () => {
      const setting = makeSetting({ staff: 6, trained: 3, members: 2, level3: 2 });
      setting.inspections.push({ date: '2019-01-01', grade: 'inadequate' }, { date: '2025-08-01', grade: 'outstanding' });
      expect(evaluateSetting(shuffled(setting, 7), params, AS_OF)).toEqual(evaluateSetting(setting, params, AS_OF));
    });
  });
});

describe(serviceStatus.name, () => {
  const result = (id: string, level: RuleLevel, outcome: RuleOutcome): RuleResult => ({ id, level, outcome, explanation: '', facts: {} });

  it.each([
    { case: 'compliant when every essential rule passes', results: [result('A', 'essential', 'pass')], status: 'compliant' },
    { case: 'compliant when an essential rule is not applicable', results: [result('A', 'essential', 'not_applicable')], status: 'compliant' },
    {
      case: 'non-compliant when one essential rule fails',
      results: [result('A', 'essential', 'pass'), result('B', 'essential', 'fail')],
      status: 'non_compliant',
    },
    { case: 'compliant despite desirable failures', results: [result('A', 'essential', 'pass'), result('B', 'desirable', 'fail')], status: 'compliant' },
  ])('is $case', ({ results, status }) => {
    expect(serviceStatus(results)).toBe(status);
  });

  it('ignores desirable failures in a real evaluation', () => {
    const facts = { ...makeService(), networking: [], qualifications: [], trainerAccreditations: [] };
    facts.team = facts.team.map((m) => ({ ...m, caseload: 30 }));
    const results = evaluateService(facts, params, AS_OF);
    expect(results.filter((r) => r.outcome === 'fail').map((r) => r.id)).toEqual(['SR-CASELOAD', 'SR-ACCREDITED-TRAINER', 'SR-LEVEL3', 'SR-NETWORKING']);
    expect(serviceStatus(results)).toBe('compliant');
  });

  it('is non-compliant after a 15-day supervision gap', () => {
    expect(serviceStatus(evaluateService(makeService({ sessionEveryDays: 15 }), params, AS_OF))).toBe('non_compliant');
  });
});

describe(evaluateSetting.name, () => {
  it('returns SA-OFSTED, SA-TRAINED, SA-MEMBER and SA-LEVEL3 once each, as SETTING_RULES lists them', () => {
    const ids = evaluateSetting(makeSetting(), params, AS_OF).map((r) => r.id);
    expect(ids).toEqual(['SA-OFSTED', 'SA-TRAINED', 'SA-MEMBER', 'SA-LEVEL3']);
    expect(SETTING_RULES.map((r) => r.id)).toEqual(ids);
  });

  it('passes the default setting', () => {
    const results = evaluateSetting(makeSetting(), params, AS_OF);
    expect(results.map((r) => r.outcome)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(serviceStatus(results)).toBe('compliant');
  });
});
