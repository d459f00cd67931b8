import type { ServiceFacts, SettingFacts } from '../rules/facts';
import { completion, membership, teamMember } from '../rules/testing/make-facts';
import { serviceFactsAsOf, settingFactsAsOf } from './facts-as-of';

// Ann joined in 2020, Ben in 2024; each has facts dated before and after the dates asked about.
const history: ServiceFacts = {
  serviceId: 'svc',
  team: [teamMember('ann', { startDate: '2020-01-06' }), teamMember('ben', { startDate: '2024-05-01', endDate: '2025-01-31' })],
  memberships: [membership('ann', '2020-01-01', '2022-12-31'), membership('ann', '2023-01-01'), membership('ben', '2024-04-01')],
  completions: [completion('ann', { workshopEndDate: '2020-02-03' }), completion('ben', { workshopStartDate: '2024-06-01', workshopEndDate: '2024-06-03' })],
  supervision: [
    { date: '2023-03-01', supervisorId: 'sue', practitionerIds: ['ann'] },
    { date: '2024-06-10', supervisorId: 'sue', practitionerIds: ['ann', 'ben'] },
  ],
  inductions: [
    { personId: 'ann', completedOn: '2020-02-01' },
    { personId: 'ben', completedOn: '2024-05-20' },
  ],
  qualifications: [
    { personId: 'ann', kind: 'level3', status: 'achieved', date: '2019-07-01' },
    { personId: 'ben', kind: 'level3', status: 'working_towards', date: null },
  ],
  trainerAccreditations: [{ personId: 'ben', from: '2025-01-01', to: '2027-12-31' }],
  networking: [
    { date: '2022-11-15', event: 'Regional networking day' },
    { date: '2024-10-01', event: 'Development Day' },
  ],
};

const summary = (facts: ServiceFacts) => ({
  team: facts.team.map((m) => m.personId),
  memberships: facts.memberships.map((m) => `${m.personId} ${m.startDate}`),
  completions: facts.completions.map((c) => `${c.personId} ${c.workshopEndDate}`),
  supervision: facts.supervision.map((s) => s.date),
  inductions: facts.inductions.map((i) => i.personId),
  qualifications: facts.qualifications.map((q) => q.personId),
  trainerAccreditations: facts.trainerAccreditations.map((a) => a.personId),
  networking: facts.networking.map((n) => n.date),
});

describe("a service's facts as of a date, taken from its facts for every date", () => {
  it.each([
    {
      case: 'before anyone joined: nothing but the service',
      asOf: '2020-01-05',
      expected: { team: [], memberships: [], completions: [], supervision: [], inductions: [], qualifications: [], trainerAccreditations: [], networking: [] },
    },
    {
      case: 'the day Ann joined: her membership and qualification (undated), not her later workshop or induction',
      asOf: '2020-01-06',
      expected: {
        team: ['ann'],
        memberships: ['ann 2020-01-01'],
        completions: [],
        supervision: [],
        inductions: [],
        qualifications: ['ann'],
        trainerAccreditations: [],
        networking: [],
      },
    },
    {
      case: 'the day before Ben joined: none of his facts, though some are dated earlier',
      asOf: '2024-04-30',
      expected: {
        team: ['ann'],
        memberships: ['ann 2020-01-01', 'ann 2023-01-01'],
        completions: ['ann 2020-02-03'],
        supervision: ['2023-03-01'],
        inductions: ['ann'],
        qualifications: ['ann'],
        trainerAccreditations: [],
        networking: ['2022-11-15'],
      },
    },
    {
      case: 'the day Ben joined: his membership begun the month before, and his accreditation (undated here)',
      asOf: '2024-05-01',
      expected: {
        team: ['ann', 'ben'],
        memberships: ['ann 2020-01-01', 'ann 2023-01-01', 'ben 2024-04-01'],
        completions: ['ann 2020-02-03'],
        supervision: ['2023-03-01'],
        inductions: ['ann'],
        qualifications: ['ann', 'ben'],
        trainerAccreditations: ['ben'],
        networking: ['2022-11-15'],
      },
    },
    {
      case: 'the last day of a workshop counts it; after Ben left, his post and facts stay (the rules read end dates)',
      asOf: '2025-06-30',
      expected: {
        team: ['ann', 'ben'],
        memberships: ['ann 2020-01-01', 'ann 2023-01-01', 'ben 2024-04-01'],
        completions: ['ann 2020-02-03', 'ben 2024-06-03'],
        supervision: ['2023-03-01', '2024-06-10'],
        inductions: ['ann', 'ben'],
        qualifications: ['ann', 'ben'],
        trainerAccreditations: ['ben'],
        networking: ['2022-11-15', '2024-10-01'],
      },
    },
  ])('$case', ({ asOf, expected }) => {
    expect(summary(serviceFactsAsOf(history, asOf))).toEqual(expected);
  });

  it('takes a completion on its last day, not its first', () => {
    expect(summary(serviceFactsAsOf(history, '2024-06-02')).completions).toEqual(['ann 2020-02-03']);
    expect(summary(serviceFactsAsOf(history, '2024-06-03')).completions).toEqual(['ann 2020-02-03', 'ben 2024-06-03']);
  });

  it('leaves the facts it was given as they were', () => {
    const before = JSON.stringify(history);
    serviceFactsAsOf(history, '2021-01-01');
    expect(JSON.stringify(history)).toBe(before);
  });
});

describe("a setting's facts as of a date, taken from its facts for every date", () => {
  const setting: SettingFacts = {
    settingId: 'set',
    staffCount: 6,
    staff: [
      { staffId: 's-ann', personId: 'ann', name: 'Ann', startDate: '2021-09-01', endDate: null },
      { staffId: 's-ben', personId: 'ben', name: 'Ben', startDate: '2024-09-01', endDate: null },
    ],
    memberships: [membership('ann', '2021-01-01'), membership('ben', '2024-10-01')],
    completions: [completion('ann', { workshopEndDate: '2022-03-04' }), completion('ben', { workshopEndDate: '2023-05-05' })],
    inspections: [
      { date: '2019-06-01', grade: 'good' },
      { date: '2024-11-20', grade: 'outstanding' },
    ],
    qualifications: [{ personId: 'ben', kind: 'level3', status: 'achieved', date: '2018-07-01' }],
  };
  const summary = (facts: SettingFacts) => ({
    staffCount: facts.staffCount,
    staff: facts.staff.map((s) => s.personId),
    memberships: facts.memberships.map((m) => m.personId),
    completions: facts.completions.map((c) => c.personId),
    inspections: facts.inspections.map((i) => i.date),
    qualifications: facts.qualifications.map((q) => q.personId),
  });

  it.each([
    {
      case: 'before anyone joined: the headcount and the inspections so far',
      asOf: '2020-01-01',
      expected: { staffCount: 6, staff: [], memberships: [], completions: [], inspections: ['2019-06-01'], qualifications: [] },
    },
    {
      case: "Ann's workshop counts from its last day",
      asOf: '2022-03-04',
      expected: { staffCount: 6, staff: ['ann'], memberships: ['ann'], completions: ['ann'], inspections: ['2019-06-01'], qualifications: [] },
    },
    {
      case: 'the day Ben joined: his earlier workshop and qualification, not his later membership',
      asOf: '2024-09-01',
      expected: {
        staffCount: 6,
        staff: ['ann', 'ben'],
        memberships: ['ann'],
        completions: ['ann', 'ben'],
        inspections: ['2019-06-01'],
        qualifications: ['ben'],
      },
    },
    {
      case: 'after the second inspection: everything',
      asOf: '2025-01-01',
      expected: {
        staffCount: 6,
        staff: ['ann', 'ben'],
        memberships: ['ann', 'ben'],
        completions: ['ann', 'ben'],
        inspections: ['2019-06-01', '2024-11-20'],
        qualifications: ['ben'],
      },
    },
  ])('$case', ({ asOf, expected }) => {
    expect(summary(settingFactsAsOf(setting, asOf))).toEqual(expected);
  });
});
