import { activePeople, activePractitioners, isMemberOn, isTrainedOn, trainingRecord } from './team';
import { completion, membership, teamMember } from './testing/make-facts';

describe('trained on a date', () => {
  const workshop = { workshopStartDate: '2025-03-10', workshopEndDate: '2025-03-12' };

  it.each([
    {
      case: 'a trainer accredited throughout the workshop trains',
      accreditations: [{ from: '2024-01-01', to: '2026-01-01' }],
      on: '2025-06-30',
      trained: true,
    },
    {
      case: 'accreditation covering exactly the first to the last day counts',
      accreditations: [{ from: '2025-03-10', to: '2025-03-12' }],
      on: '2025-06-30',
      trained: true,
    },
    {
      case: 'a trainer whose accreditation ended the day before the workshop trains no one',
      accreditations: [{ from: '2022-01-01', to: '2025-03-09' }],
      on: '2025-06-30',
      trained: false,
    },
    {
      case: 'accreditation covering the first day but not the last does not count',
      accreditations: [{ from: '2022-01-01', to: '2025-03-11' }],
      on: '2025-06-30',
      trained: false,
    },
    {
      case: 'accreditation starting after the first day does not count',
      accreditations: [{ from: '2025-03-11', to: '2026-01-01' }],
      on: '2025-06-30',
      trained: false,
    },
    {
      case: 'two periods with a gap do not join up across the workshop',
      accreditations: [
        { from: '2022-01-01', to: '2025-03-10' },
        { from: '2025-03-12', to: '2026-01-01' },
      ],
      on: '2025-06-30',
      trained: false,
    },
    {
      case: 'any one period holding the whole workshop is enough',
      accreditations: [
        { from: '2020-01-01', to: '2021-01-01' },
        { from: '2025-01-01', to: '2026-01-01' },
      ],
      on: '2025-06-30',
      trained: true,
    },
    { case: 'a trainer with no accreditation trains no one', accreditations: [], on: '2025-06-30', trained: false },
    {
      case: 'a workshop ending after the date does not count yet',
      accreditations: [{ from: '2024-01-01', to: '2026-01-01' }],
      on: '2025-03-11',
      trained: false,
    },
    { case: 'a workshop counts from its last day', accreditations: [{ from: '2024-01-01', to: '2026-01-01' }], on: '2025-03-12', trained: true },
    { case: "a trainer's later lapse does not undo a completion", accreditations: [{ from: '2024-01-01', to: '2025-04-01' }], on: '2025-06-30', trained: true },
  ])('$case', ({ accreditations, on, trained }) => {
    const completions = [completion('p1', { ...workshop, trainerAccreditations: accreditations })];
    expect(isTrainedOn('p1', on, completions)).toBe(trained);
  });

  it("does not count someone else's completion", () => {
    expect(isTrainedOn('p2', '2025-06-30', [completion('p1')])).toBe(false);
  });

  it('says why a completion on record does not count', () => {
    const completions = [
      completion('p1', { ...workshop, trainerName: 'Lapsed', trainerAccreditations: [{ from: '2020-01-01', to: '2025-01-01' }] }),
      completion('p1', { workshopStartDate: '2025-07-01', workshopEndDate: '2025-07-02', trainerName: 'Later' }),
    ];
    expect(trainingRecord('p1', '2025-06-30', completions)).toEqual({
      completion: null,
      notCounted: [
        { workshopEndDate: '2025-03-12', trainerName: 'Lapsed', reason: 'trainer_not_accredited' },
        { workshopEndDate: '2025-07-02', trainerName: 'Later', reason: 'workshop_not_finished' },
      ],
    });
  });
});

describe('who is active', () => {
  it.each([
    { case: 'started on the date', startDate: '2025-06-30', endDate: null, active: true },
    { case: 'starts the day after', startDate: '2025-07-01', endDate: null, active: false },
    { case: 'leaves on the date', startDate: '2020-01-01', endDate: '2025-06-30', active: true },
    { case: 'left the day before', startDate: '2020-01-01', endDate: '2025-06-29', active: false },
  ])('a team member who $case is active: $active', ({ startDate, endDate, active }) => {
    expect(activePeople([teamMember('p1', { startDate, endDate })], '2025-06-30')).toHaveLength(active ? 1 : 0);
  });

  it('merges one practitioner holding two posts: earliest start, summed hours and caseload', () => {
    const team = [
      teamMember('p1', { memberId: 'a', startDate: '2024-01-01', fte: 0.5, caseload: 8 }),
      teamMember('p1', { memberId: 'b', startDate: '2023-01-01', fte: 0.3, caseload: 5 }),
      teamMember('p1', { memberId: 'c', startDate: '2020-01-01', endDate: '2022-12-31', fte: 1, caseload: 17 }),
    ];
    expect(activePractitioners(team, '2025-06-30')).toEqual([{ personId: 'p1', name: 'Person p1', startDate: '2023-01-01', fte: 0.8, caseload: 13 }]);
  });

  it.each([
    { case: 'a membership covering the date', periods: [membership('p1', '2025-01-01', '2025-12-31')], member: true },
    { case: 'an open-ended membership', periods: [membership('p1', '2025-01-01')], member: true },
    { case: 'only a lapsed membership', periods: [membership('p1', '2024-01-01', '2024-12-31')], member: false },
  ])('with $case, isMemberOn is $member', ({ periods, member }) => {
    expect(isMemberOn('p1', '2025-06-30', periods)).toBe(member);
  });
});
