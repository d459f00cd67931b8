import type { RuleResult } from '@npa/compliance';
import { checkDecision, CriterionVerdict } from './decision.rules';

const computed = (over: Record<string, 'pass' | 'fail'> = {}): RuleResult[] =>
  ['SA-OFSTED', 'SA-TRAINED', 'SA-MEMBER', 'SA-LEVEL3'].map((id) => ({
    id,
    level: id === 'SA-LEVEL3' ? 'desirable' : 'essential',
    outcome: over[id] ?? 'pass',
    explanation: `${id} explained`,
    facts: {},
  }));
const all = (over: Record<string, 'pass' | 'fail'> = {}): CriterionVerdict[] =>
  ['SA-PRINCIPLES', 'SA-OFSTED', 'SA-ASSESSMENT', 'SA-REVIEWS', 'SA-RECORDS', 'SA-TRAINED', 'SA-MEMBER'].map((id) => ({
    id,
    outcome: over[id] ?? 'pass',
    reason: `${id} seen`,
  }));

describe(checkDecision.name, () => {
  it('approves when every criterion passes', () => {
    expect(checkDecision('approved', all(), computed())).toEqual({ input: [], register: [] });
  });

  it.each([
    ['a judged criterion judged not met', 'approved', all({ 'SA-RECORDS': 'fail' }), computed(), 'input', 'SA-RECORDS'],
    ['a criterion left out', 'approved', all().filter((v) => v.id !== 'SA-REVIEWS'), computed(), 'input', 'criteria'],
    ['an empty reason', 'approved', all().map((v) => (v.id === 'SA-PRINCIPLES' ? { ...v, reason: ' ' } : v)), computed(), 'input', 'criteria.0.reason'],
    ['an unknown criterion', 'approved', [...all(), { id: 'SA-NOPE', outcome: 'pass' as const, reason: 'x' }], computed(), 'input', 'criteria.7.id'],
    ['a criterion given twice', 'approved', [...all(), { id: 'SA-OFSTED', outcome: 'pass' as const, reason: 'x' }], computed(), 'input', 'criteria.7.id'],
    ['a computed criterion failing in the register', 'approved', all({ 'SA-TRAINED': 'fail' }), computed({ 'SA-TRAINED': 'fail' }), 'register', 'SA-TRAINED'],
    ['a computed outcome that contradicts the register', 'approved', all(), computed({ 'SA-MEMBER': 'fail' }), 'register', 'SA-MEMBER'],
    ['a rejection with nothing failing', 'rejected', all(), computed(), 'input', 'criteria'],
  ] as const)('refuses %s', (_, decision, verdicts, results, where, field) => {
    const check = checkDecision(decision, verdicts, results);
    expect(check[where].map((p) => p.field)).toContain(field);
  });

  it('rejects with a reason per criterion when one is not met', () => {
    expect(checkDecision('rejected', all({ 'SA-ASSESSMENT': 'fail' }), computed())).toEqual({ input: [], register: [] });
    expect(checkDecision('rejected', all({ 'SA-OFSTED': 'fail' }), computed({ 'SA-OFSTED': 'fail' }))).toEqual({ input: [], register: [] });
  });

  it('never lets the desirable SA-LEVEL3 decide', () => {
    expect(checkDecision('approved', all(), computed({ 'SA-LEVEL3': 'fail' }))).toEqual({ input: [], register: [] });
  });
});
