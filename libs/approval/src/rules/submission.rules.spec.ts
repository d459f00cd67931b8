import type { RuleResult } from '@npa/compliance';
import { submissionProblems, submissionRefusal, supports } from './submission.rules';

const JUDGED = ['SA-PRINCIPLES', 'SA-ASSESSMENT', 'SA-REVIEWS', 'SA-RECORDS'];
const computed = (failing: string[] = []): RuleResult[] =>
  ['SA-OFSTED', 'SA-TRAINED', 'SA-MEMBER', 'SA-LEVEL3'].map((id) => ({
    id,
    level: id === 'SA-LEVEL3' ? 'desirable' : 'essential',
    outcome: failing.includes(id) ? 'fail' : 'pass',
    explanation: `${id} explained`,
    facts: {},
  }));
const statements = (ids = JUDGED, text: string | null = 'How we do it.') => ids.map((criterionId) => ({ criterionId, statement: text }));
const tagged = (ids = JUDGED) => ids.map((criterionId) => ({ criterionId }));
const untagged = [{ criterionId: null }];

describe(submissionProblems.name, () => {
  it.each([
    ['statements and evidence tagged to each', statements(), tagged(), computed(), []],
    ['statements and one file for the whole application', statements(), untagged, computed(), []],
    ['a mix of tagged and untagged evidence', statements(), [...tagged(['SA-RECORDS']), ...untagged], computed(), []],
    ['a failing desirable criterion', statements(), untagged, computed(['SA-LEVEL3']), []],
    [
      'evidence for one criterion only',
      statements(),
      tagged(['SA-RECORDS']),
      computed(),
      [
        { field: 'SA-PRINCIPLES', problem: 'needs evidence' },
        { field: 'SA-ASSESSMENT', problem: 'needs evidence' },
        { field: 'SA-REVIEWS', problem: 'needs evidence' },
      ],
    ],
    ['no statement for one criterion', statements(JUDGED.slice(1)), untagged, computed(), [{ field: 'SA-PRINCIPLES', problem: 'needs a statement' }]],
    ['a blank statement', statements(JUDGED, '  '), untagged, computed(), JUDGED.map((field) => ({ field, problem: 'needs a statement' }))],
    ['nothing at all', [], [], computed(), JUDGED.map((field) => ({ field, problem: 'needs a statement and evidence' }))],
    ['evidence tagged to a computed criterion', statements(), tagged(['SA-OFSTED']), computed(), JUDGED.map((field) => ({ field, problem: 'needs evidence' }))],
    ['a computed criterion the register fails', statements(), untagged, computed(['SA-OFSTED']), [{ field: 'SA-OFSTED', problem: 'SA-OFSTED explained' }]],
  ] as const)('with %s', (_, given, evidence, results, problems) => {
    expect(submissionProblems({ statements: given, evidence, computed: results })).toEqual(problems);
  });
});

describe(supports.name, () => {
  it.each([
    [null, 'SA-RECORDS', 'judged', true],
    ['SA-RECORDS', 'SA-RECORDS', 'judged', true],
    ['SA-REVIEWS', 'SA-RECORDS', 'judged', false],
    [null, 'SA-OFSTED', 'computed', false],
  ] as const)('evidence for %s supports %s (%s): %s', (criterionId, id, kind, expected) => {
    expect(supports({ criterionId }, { id, kind })).toBe(expected);
  });
});

describe(submissionRefusal.name, () => {
  it('says what each criterion is missing, and that untagged evidence counts for all', () => {
    expect(
      submissionRefusal([
        { field: 'SA-PRINCIPLES', problem: 'needs evidence' },
        { field: 'SA-OFSTED', problem: 'No Ofsted inspection is recorded.' },
      ]),
    ).toBe(
      'The application cannot be submitted yet: SA-PRINCIPLES needs evidence; SA-OFSTED is not met (No Ofsted inspection is recorded.). Evidence uploaded without a criterion counts for every judged criterion.',
    );
  });
});
