import { DEFAULT_RULE_PARAMS } from './params';
import { checkOfsted, checkSettingLevel3, checkSettingMember, checkSettingTrained } from './setting.rules';
import { AS_OF, ago, completion, makeSetting, membership } from './testing/make-facts';
import type { InspectionFact } from './facts';

const params = DEFAULT_RULE_PARAMS;

describe(checkOfsted.name, () => {
  it.each<{ case: string; inspections: InspectionFact[]; outcome: string }>([
    {
      case: 'passes when the latest inspection on or before asOf was good',
      inspections: [
        { date: '2019-05-01', grade: 'requires_improvement' },
        { date: '2023-11-14', grade: 'good' },
      ],
      outcome: 'pass',
    },
    { case: 'passes when the latest inspection was outstanding', inspections: [{ date: '2023-11-14', grade: 'outstanding' }], outcome: 'pass' },
    {
      case: "ignores a later 'inadequate' after asOf",
      inspections: [
        { date: '2023-11-14', grade: 'good' },
        { date: '2025-07-01', grade: 'inadequate' },
      ],
      outcome: 'pass',
    },
    {
      case: 'counts an inspection on asOf itself',
      inspections: [
        { date: '2023-11-14', grade: 'good' },
        { date: AS_OF, grade: 'inadequate' },
      ],
      outcome: 'fail',
    },
    {
      case: 'fails when the latest was requires improvement, whatever came before',
      inspections: [
        { date: '2019-05-01', grade: 'outstanding' },
        { date: '2024-02-01', grade: 'requires_improvement' },
      ],
      outcome: 'fail',
    },
    { case: 'fails when no inspection is recorded', inspections: [], outcome: 'fail' },
    { case: 'fails when the only inspection is after asOf', inspections: [{ date: '2025-07-01', grade: 'good' }], outcome: 'fail' },
    {
      case: 'takes the lower grade when two share the latest date',
      inspections: [
        { date: '2024-02-01', grade: 'good' },
        { date: '2024-02-01', grade: 'inadequate' },
      ],
      outcome: 'fail',
    },
  ])('$case', ({ inspections, outcome }) => {
    expect(checkOfsted(makeSetting({ inspections }), params, AS_OF)).toMatchObject({ id: 'SA-OFSTED', level: 'essential', outcome });
  });

  it('explains the grade', () => {
    const inspections: InspectionFact[] = [{ date: '2024-02-01', grade: 'requires_improvement' }];
    expect(checkOfsted(makeSetting({ inspections }), params, AS_OF).explanation).toBe(
      'The most recent Ofsted inspection, on 2024-02-01, rated the setting Requires improvement; the Stamp of Approval needs Good or Outstanding.',
    );
  });
});

describe(checkSettingTrained.name, () => {
  it.each([
    { staff: 6, staffCount: 6, trained: 2, outcome: 'pass', required: 2 },
    { staff: 3, staffCount: 3, trained: 1, outcome: 'pass', required: 1 },
    { staff: 4, staffCount: 4, trained: 1, outcome: 'fail', required: 2 },
    { staff: 1, staffCount: 1, trained: 1, outcome: 'pass', required: 1 },
    { staff: 1, staffCount: 1, trained: 0, outcome: 'fail', required: 1 },
    { staff: 3, staffCount: 5, trained: 1, outcome: 'fail', required: 2 },
  ])('$outcome: $trained trained with staffCount $staffCount', ({ staff, staffCount, trained, outcome, required }) => {
    const result = checkSettingTrained(makeSetting({ staff, staffCount, trained }), params, AS_OF);
    expect(result).toMatchObject({ id: 'SA-TRAINED', level: 'essential', outcome, facts: { required } });
  });

  // The small-setting threshold (3 staff) uses the larger of the declared count and the staff on the register.
  it.each([
    { case: 'declared 3, 3 on the register: small', staff: 3, staffCount: 3, trained: 1, outcome: 'pass', required: 1, headcount: 3 },
    { case: 'declared 1, 3 on the register: still small', staff: 3, staffCount: 1, trained: 1, outcome: 'pass', required: 1, headcount: 3 },
    { case: 'declared 2, 4 on the register: not small', staff: 4, staffCount: 2, trained: 1, outcome: 'fail', required: 2, headcount: 4 },
    { case: 'declared 3, 4 on the register: not small', staff: 4, staffCount: 3, trained: 1, outcome: 'fail', required: 2, headcount: 4 },
    { case: 'declared 3, 4 on the register, 2 trained', staff: 4, staffCount: 3, trained: 2, outcome: 'pass', required: 2, headcount: 4 },
    { case: 'declared 4, 3 on the register: the declared count stands', staff: 3, staffCount: 4, trained: 1, outcome: 'fail', required: 2, headcount: 4 },
    { case: 'declared 0, 1 on the register', staff: 1, staffCount: 0, trained: 1, outcome: 'pass', required: 1, headcount: 1 },
  ])('headcount: $case', ({ staff, staffCount, trained, outcome, required, headcount }) => {
    const result = checkSettingTrained(makeSetting({ staff, staffCount, trained }), params, AS_OF);
    expect(result).toMatchObject({ outcome, facts: { required, headcount, staffCount, staffOnRegister: staff } });
  });

  it('counts only staff on the register that day towards the headcount', () => {
    const facts = makeSetting({ staff: 4, staffCount: 2, trained: 1 });
    facts.staff = facts.staff.map((s) => (s.personId === 'st4' ? { ...s, endDate: ago(1) } : s));
    expect(checkSettingTrained(facts, params, AS_OF)).toMatchObject({ outcome: 'pass', facts: { headcount: 3, required: 1 } });
  });

  it('says when the register outnumbers the declared count', () => {
    const result = checkSettingTrained(makeSetting({ staff: 4, staffCount: 2, trained: 1 }), params, AS_OF);
    expect(result.explanation).toContain('a setting of 4 staff (4 on the register, though 2 declared) needs at least 2.');
  });

  it('does not count a trained member of staff who has left', () => {
    const facts = makeSetting({ staff: 4, trained: 2 });
    facts.staff = facts.staff.map((s) => (s.personId === 'st1' ? { ...s, endDate: ago(1) } : s));
    const result = checkSettingTrained(facts, params, AS_OF);
    expect(result.outcome).toBe('fail');
    expect(result.explanation).toBe(
      '1 current member of staff has completed a Portage Workshop from an NPA-Accredited Trainer (Person st2); a setting of 4 staff needs at least 2. Book 1 more practitioner onto a Portage Workshop with an NPA-Accredited Trainer.',
    );
  });

  it('does not count a workshop from a trainer who was not accredited', () => {
    const facts = makeSetting({ staff: 2, trained: 0 });
    facts.completions = [completion('st1', { trainerAccreditations: [{ from: '2010-01-01', to: '2015-01-01' }] })];
    expect(checkSettingTrained(facts, params, AS_OF).outcome).toBe('fail');
  });
});

describe(checkSettingMember.name, () => {
  it.each([
    { case: 'passes with one current member', members: 1, extra: [], outcome: 'pass' },
    { case: 'fails with no members', members: 0, extra: [], outcome: 'fail' },
    { case: 'counts a membership ending on asOf', members: 0, extra: [membership('st2', '2024-07-01', AS_OF)], outcome: 'pass' },
    { case: 'fails with a membership that lapsed the day before', members: 0, extra: [membership('st2', '2024-07-01', ago(1))], outcome: 'fail' },
    { case: 'fails when the member is not on the staff', members: 0, extra: [membership('elsewhere')], outcome: 'fail' },
  ])('$case', ({ members, extra, outcome }) => {
    const facts = makeSetting({ members });
    facts.memberships.push(...extra);
    expect(checkSettingMember(facts, params, AS_OF)).toMatchObject({ id: 'SA-MEMBER', level: 'essential', outcome });
  });
});

describe(checkSettingLevel3.name, () => {
  it.each([
    { level3: 1, outcome: 'pass' },
    { level3: 0, outcome: 'fail' },
  ])('is reported as desirable: $level3 with Level 3 is $outcome', ({ level3, outcome }) => {
    expect(checkSettingLevel3(makeSetting({ level3 }), params, AS_OF)).toMatchObject({ id: 'SA-LEVEL3', level: 'desirable', outcome });
  });
});
