import { checkAccreditedTrainer, checkCaseload, checkLevel3, checkNetworking } from './desirable.rules';
import { DEFAULT_RULE_PARAMS } from './params';
import { AS_OF, ago, makeService, teamMember } from './testing/make-facts';
import type { QualificationFact, TrainerAccreditationFact } from './facts';

const params = DEFAULT_RULE_PARAMS;

describe(checkCaseload.name, () => {
  it.each([
    { caseload: 17, fte: 1, outcome: 'pass', limit: 17 },
    { caseload: 18, fte: 1, outcome: 'fail', limit: 17 },
    { caseload: 8, fte: 0.5, outcome: 'pass', limit: 8 },
    { caseload: 9, fte: 0.5, outcome: 'fail', limit: 8 },
    { caseload: 10, fte: 0.6, outcome: 'pass', limit: 10 },
    { caseload: 0, fte: 0.1, outcome: 'pass', limit: 1 },
  ])('$outcome: caseload $caseload at FTE $fte (limit $limit)', ({ caseload, fte, outcome, limit }) => {
    const facts = makeService({ practitioners: 1 });
    facts.team = [teamMember('p1', { caseload, fte })];
    const result = checkCaseload(facts, params, AS_OF);
    expect(result).toMatchObject({ id: 'SR-CASELOAD', level: 'desirable', outcome });
    expect(result.facts.practitioners).toEqual([{ personId: 'p1', name: 'Person p1', fte, caseload, limit }]);
  });

  it('names who is over and by how much', () => {
    const facts = makeService({ practitioners: 2 });
    facts.team = [teamMember('p1', { caseload: 9, fte: 0.5 }), teamMember('p2')];
    expect(checkCaseload(facts, params, AS_OF).explanation).toBe(
      'Person p1 has 9 families at 0.5 FTE (up to 8); the Code suggests at most 17 families per full-time post. Review caseloads with hours, preparation and travel time in mind.',
    );
  });

  it('is not applicable with no active practitioners', () => {
    expect(checkCaseload(makeService({ practitioners: 0 }), params, AS_OF).outcome).toBe('not_applicable');
  });
});

describe(checkAccreditedTrainer.name, () => {
  it.each<{ case: string; accreditations: TrainerAccreditationFact[]; qualifications: QualificationFact[]; outcome: string }>([
    {
      case: 'passes with a current trainer accreditation',
      accreditations: [{ personId: 'p2', from: '2024-01-01', to: AS_OF }],
      qualifications: [],
      outcome: 'pass',
    },
    {
      case: 'fails when the only accreditation ended the day before',
      accreditations: [{ personId: 'p2', from: '2024-01-01', to: ago(1) }],
      qualifications: [],
      outcome: 'fail',
    },
    {
      case: 'passes with someone working towards accredited trainer status',
      accreditations: [],
      qualifications: [{ personId: 'p2', kind: 'accredited_trainer', status: 'working_towards', date: null }],
      outcome: 'pass',
    },
    {
      case: 'passes with the accredited trainer qualification achieved',
      accreditations: [],
      qualifications: [{ personId: 'p2', kind: 'accredited_trainer', status: 'achieved', date: '2023-01-01' }],
      outcome: 'pass',
    },
    {
      case: 'fails when the qualification is dated after asOf',
      accreditations: [],
      qualifications: [{ personId: 'p2', kind: 'accredited_trainer', status: 'achieved', date: '2025-07-01' }],
      outcome: 'fail',
    },
    {
      case: 'fails when the trainer is not on the team',
      accreditations: [{ personId: 'outsider', from: '2024-01-01', to: '2026-01-01' }],
      qualifications: [],
      outcome: 'fail',
    },
    {
      case: 'fails with only a Level 3 qualification',
      accreditations: [],
      qualifications: [{ personId: 'p2', kind: 'level3', status: 'achieved', date: null }],
      outcome: 'fail',
    },
  ])('$case', ({ accreditations, qualifications, outcome }) => {
    const facts = { ...makeService({ practitioners: 2 }), trainerAccreditations: accreditations, qualifications };
    expect(checkAccreditedTrainer(facts, params, AS_OF)).toMatchObject({ id: 'SR-ACCREDITED-TRAINER', level: 'desirable', outcome });
  });
});

describe(checkLevel3.name, () => {
  it.each<{ case: string; qualifications: QualificationFact[]; outcome: string }>([
    { case: 'passes with Level 3 achieved', qualifications: [{ personId: 'p1', kind: 'level3', status: 'achieved', date: '2022-01-01' }], outcome: 'pass' },
    {
      case: 'passes with Level 3 being worked towards',
      qualifications: [{ personId: 'p1', kind: 'level3', status: 'working_towards', date: null }],
      outcome: 'pass',
    },
    {
      case: 'passes with a relevant degree',
      qualifications: [{ personId: 'p1', kind: 'relevant_degree', status: 'achieved', date: '2015-07-01' }],
      outcome: 'pass',
    },
    {
      case: 'fails with a degree only being worked towards',
      qualifications: [{ personId: 'p1', kind: 'relevant_degree', status: 'working_towards', date: null }],
      outcome: 'fail',
    },
    {
      case: 'fails when the qualification belongs to someone not on the team',
      qualifications: [{ personId: 'gone', kind: 'level3', status: 'achieved', date: null }],
      outcome: 'fail',
    },
    { case: 'fails with no qualifications', qualifications: [], outcome: 'fail' },
  ])('$case', ({ qualifications, outcome }) => {
    const facts = { ...makeService({ practitioners: 2 }), qualifications };
    expect(checkLevel3(facts, params, AS_OF)).toMatchObject({ id: 'SR-LEVEL3', level: 'desirable', outcome });
  });
});

describe(checkNetworking.name, () => {
  it.each([
    { case: 'passes with attendance yesterday', dates: [ago(1)], outcome: 'pass' },
    { case: 'passes with attendance on asOf', dates: [AS_OF], outcome: 'pass' },
    { case: 'passes with attendance 12 months less a day ago', dates: ['2024-07-01'], outcome: 'pass' },
    { case: 'fails with attendance exactly 12 months ago', dates: ['2024-06-30'], outcome: 'fail' },
    { case: 'fails with attendance only after asOf', dates: ['2025-07-01'], outcome: 'fail' },
    { case: 'fails with no attendance recorded', dates: [], outcome: 'fail' },
  ])('$case', ({ dates, outcome }) => {
    const facts = { ...makeService(), networking: dates.map((date) => ({ date, event: 'Development Day' })) };
    expect(checkNetworking(facts, params, AS_OF)).toMatchObject({ id: 'SR-NETWORKING', level: 'desirable', outcome });
  });

  it('mentions the last attendance on record when it is too old', () => {
    const facts = { ...makeService(), networking: [{ date: '2024-03-14', event: 'Development Day 2024' }] };
    expect(checkNetworking(facts, params, AS_OF).explanation).toBe(
      'No attendance at an NPA regional networking day, regional meeting or the Development Day is recorded after 2024-06-30 (the last recorded was Development Day 2024 on 2024-03-14). Send someone from the team to the next one and record it.',
    );
  });
});
