import { evaluateService } from './evaluate';
import type { ServiceFacts } from './facts';
import { DEFAULT_RULE_PARAMS } from './params';
import { AS_OF, ago, makeService, membership } from './testing/make-facts';
import { applyWhatIf, type WhatIfChange } from './what-if';

const params = DEFAULT_RULE_PARAMS;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const outcomeOf = (facts: ServiceFacts, id: string) => evaluateService(facts, params, AS_OF).find((r) => r.id === id)?.outcome;

describe(applyWhatIf.name, () => {
  const changes: WhatIfChange[] = [
    { kind: 'member_leaves', memberId: 'm-p1', endDate: ago(1) },
    { kind: 'membership_lapses', personId: 'p2', endDate: ago(1) },
    { kind: 'new_starter', name: 'Nia New', role: 'practitioner', fte: 1, caseload: 5, startDate: ago(10), isMember: true, isTrained: true },
  ];

  it('never mutates the facts it is given', () => {
    const facts = makeService({ practitioners: 4 });
    const before = structuredClone(facts);
    deepFreeze(facts);
    const next = applyWhatIf(facts, changes);
    expect(facts).toEqual(before);
    expect(next).not.toBe(facts);
    expect(next.team).not.toBe(facts.team);
  });

  it('returns equal facts when nothing changes', () => {
    const facts = makeService();
    expect(applyWhatIf(facts, [])).toEqual(facts);
  });

  it.each<{ case: string; practitioners: number; members: number; change: WhatIfChange; rule: string; before: string; after: string }>([
    {
      case: 'a member leaving takes a service of 6 below three members',
      practitioners: 6,
      members: 3,
      change: { kind: 'member_leaves', memberId: 'm-p1', endDate: ago(1) },
      rule: 'SR-MEMBERSHIP',
      before: 'pass',
      after: 'fail',
    },
    {
      case: 'a member leaving on asOf still counts that day',
      practitioners: 6,
      members: 3,
      change: { kind: 'member_leaves', memberId: 'm-p1', endDate: AS_OF },
      rule: 'SR-MEMBERSHIP',
      before: 'pass',
      after: 'pass',
    },
    {
      case: 'a membership lapsing takes a service of 5 below three members',
      practitioners: 5,
      members: 3,
      change: { kind: 'membership_lapses', personId: 'p3', endDate: ago(1) },
      rule: 'SR-MEMBERSHIP',
      before: 'pass',
      after: 'fail',
    },
    {
      case: 'a member joining a service of 5 brings it up to three members',
      practitioners: 5,
      members: 2,
      change: { kind: 'new_starter', name: 'Nia New', role: 'practitioner', fte: 1, caseload: 5, startDate: ago(10), isMember: true, isTrained: true },
      rule: 'SR-MEMBERSHIP',
      before: 'fail',
      after: 'pass',
    },
  ])('$case', ({ practitioners, members, change, rule, before, after }) => {
    const facts = makeService({ practitioners, members });
    expect(outcomeOf(facts, rule)).toBe(before);
    expect(outcomeOf(applyWhatIf(facts, [change]), rule)).toBe(after);
  });

  it('gives new starters synthetic ids in order, with membership and training only when asked', () => {
    const next = applyWhatIf(makeService({ practitioners: 1 }), [
      { kind: 'new_starter', name: 'A', role: 'practitioner', fte: 1, caseload: 0, startDate: '2025-07-01', isMember: true, isTrained: true },
      { kind: 'new_starter', name: 'B', role: 'supervisor', fte: 0.5, caseload: 0, startDate: '2025-07-01' },
    ]);
    expect(next.team.slice(-2)).toEqual([
      { memberId: 'what-if-1', personId: 'what-if-1', name: 'A', role: 'practitioner', fte: 1, caseload: 0, startDate: '2025-07-01', endDate: null },
      { memberId: 'what-if-2', personId: 'what-if-2', name: 'B', role: 'supervisor', fte: 0.5, caseload: 0, startDate: '2025-07-01', endDate: null },
    ]);
    expect(next.memberships.filter((m) => m.personId.startsWith('what-if'))).toEqual([membership('what-if-1', '2025-07-01')]);
    expect(next.completions.filter((c) => c.personId.startsWith('what-if')).map((c) => c.personId)).toEqual(['what-if-1']);
  });

  it('counts a new starter who is trained as trained from their start date', () => {
    const facts = makeService({ practitioners: 2, trained: 2 });
    const next = applyWhatIf(facts, [{ kind: 'new_starter', name: 'T', role: 'practitioner', fte: 1, caseload: 0, startDate: ago(100), isTrained: true }]);
    expect(outcomeOf(next, 'SR-WORKSHOP')).toBe('pass');
  });

  it('keeps an earlier end date when a leaver is given a later one', () => {
    const facts = makeService({ practitioners: 1 });
    facts.team[0] = { ...facts.team[0], endDate: '2025-08-01' };
    const next = applyWhatIf(facts, [{ kind: 'member_leaves', memberId: 'm-p1', endDate: '2025-09-01' }]);
    expect(next.team[0].endDate).toBe('2025-08-01');
  });

  it('drops renewals that would have started after a membership lapses', () => {
    const facts = makeService({ practitioners: 1, members: 0 });
    facts.memberships = [membership('p1', '2024-07-01', '2025-06-30'), membership('p1', '2025-07-01', '2026-06-30'), membership('p2')];
    const next = applyWhatIf(facts, [{ kind: 'membership_lapses', personId: 'p1', endDate: '2025-06-30' }]);
    expect(next.memberships).toEqual([membership('p1', '2024-07-01', '2025-06-30'), membership('p2')]);
  });

  it('refuses a leaver who is not on the team', () => {
    expect(() => applyWhatIf(makeService(), [{ kind: 'member_leaves', memberId: 'nobody', endDate: AS_OF }])).toThrow(/nobody/);
  });
});
