import { diffResults } from './diff';
import type { RuleLevel, RuleOutcome, RuleResult } from './result';

const r = (id: string, outcome: RuleOutcome, level: RuleLevel = 'essential', explanation = ''): RuleResult => ({
  id,
  level,
  outcome,
  explanation,
  facts: {},
});

describe(diffResults.name, () => {
  const base = [r('SR-MEMBERSHIP', 'pass'), r('SR-SUPERVISION', 'pass'), r('SR-NETWORKING', 'fail', 'desirable')];

  it.each([
    {
      case: 'reports every rule as new when there is no previous check',
      previous: null,
      next: base,
      expected: {
        changed: true,
        status: { from: null, to: 'compliant' },
        rules: [
          { id: 'SR-MEMBERSHIP', from: null, to: 'pass' },
          { id: 'SR-SUPERVISION', from: null, to: 'pass' },
          { id: 'SR-NETWORKING', from: null, to: 'fail' },
        ],
      },
    },
    {
      case: 'finds nothing changed when every outcome is the same, even if explanations moved on',
      previous: base,
      next: base.map((x) => ({ ...x, explanation: 'a day later', facts: { days: 1 } })),
      expected: { changed: false, status: { from: 'compliant', to: 'compliant' }, rules: [] },
    },
    {
      case: 'reports an essential rule failing, and the status with it',
      previous: base,
      next: [r('SR-MEMBERSHIP', 'pass'), r('SR-SUPERVISION', 'fail'), r('SR-NETWORKING', 'fail', 'desirable')],
      expected: {
        changed: true,
        status: { from: 'compliant', to: 'non_compliant' },
        rules: [{ id: 'SR-SUPERVISION', from: 'pass', to: 'fail' }],
      },
    },
    {
      case: 'reports a desirable rule changing though the status did not',
      previous: base,
      next: [r('SR-MEMBERSHIP', 'pass'), r('SR-SUPERVISION', 'pass'), r('SR-NETWORKING', 'pass', 'desirable')],
      expected: {
        changed: true,
        status: { from: 'compliant', to: 'compliant' },
        rules: [{ id: 'SR-NETWORKING', from: 'fail', to: 'pass' }],
      },
    },
    {
      case: 'reports a rule that was not in the previous check',
      previous: base.slice(0, 2),
      next: base,
      expected: {
        changed: true,
        status: { from: 'compliant', to: 'compliant' },
        rules: [{ id: 'SR-NETWORKING', from: null, to: 'fail' }],
      },
    },
    {
      case: 'counts a rule that disappeared as a change',
      previous: base,
      next: base.slice(0, 2),
      expected: { changed: true, status: { from: 'compliant', to: 'compliant' }, rules: [] },
    },
  ])('$case', ({ previous, next, expected }) => {
    expect(diffResults(previous, next)).toEqual(expected);
  });
});
