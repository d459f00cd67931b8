import type { RuleResult } from '@npa/compliance';
import { checkDecision, checkVerdicts, CriterionVerdict } from './decision.rules';

const JUDGED = ['SA-PRINCIPLES', 'SA-ASSESSMENT', 'SA-REVIEWS', 'SA-RECORDS'];
const COMPUTED = ['SA-OFSTED', 'SA-TRAINED', 'SA-MEMBER'];

const computed = (over: Record<string, RuleResult['outcome']> = {}): RuleResult[] =>
  [...COMPUTED, 'SA-LEVEL3'].map((id) => ({
    id,
    level: id === 'SA-LEVEL3' ? 'desirable' : 'essential',
    outcome: over[id] ?? 'pass',
    explanation: `${id} explained`,
    facts: {},
  }));
const verdicts = (ids: string[], over: Record<string, 'pass' | 'fail'> = {}): CriterionVerdict[] =>
  ids.map((id) => ({ id, outcome: over[id] ?? 'pass', reason: `${id} seen` }));
const judged = (over: Record<string, 'pass' | 'fail'> = {}) => verdicts(JUDGED, over);
const all = (over: Record<string, 'pass' | 'fail'> = {}) => verdicts([...JUDGED, ...COMPUTED], over);

describe(checkVerdicts.name, () => {
  it.each([
    ['only the judged criteria', judged(), []],
    ['the computed ones too', all(), []],
    ['a judged criterion left out', judged().filter((v) => v.id !== 'SA-REVIEWS'), ['criteria']],
    ['an empty reason', judged().map((v) => (v.id === 'SA-PRINCIPLES' ? { ...v, reason: ' ' } : v)), ['criteria.0.reason']],
    ['an unknown criterion', [...judged(), { id: 'SA-NOPE', outcome: 'pass' as const, reason: 'x' }], ['criteria.4.id']],
    [
      'a criterion given twice',
      [...judged(), { id: 'SA-OFSTED', outcome: 'pass' as const, reason: 'x' }, { id: 'SA-OFSTED', outcome: 'pass' as const, reason: 'x' }],
      ['criteria.5.id'],
    ],
  ] as const)('with %s finds problems in %j', (_, given, fields) => {
    expect(checkVerdicts(given).map((p) => p.field)).toEqual(fields);
  });
});

describe(checkDecision.name, () => {
  it('approves on the judged criteria alone, recording the computed ones from the register with their explanation', () => {
    const check = checkDecision('approved', judged(), computed());
    expect(check.input).toEqual([]);
    expect(check.register).toEqual([]);
    expect(check.outcomes.map((o) => o.id)).toEqual(['SA-PRINCIPLES', 'SA-OFSTED', 'SA-ASSESSMENT', 'SA-REVIEWS', 'SA-RECORDS', 'SA-TRAINED', 'SA-MEMBER']);
    expect(check.outcomes).toContainEqual({ id: 'SA-OFSTED', outcome: 'pass', reason: 'SA-OFSTED explained' });
    expect(check.outcomes).toContainEqual({ id: 'SA-PRINCIPLES', outcome: 'pass', reason: 'SA-PRINCIPLES seen' });
  });

  it("keeps the reviewer's reason for a computed criterion listed in agreement", () => {
    const check = checkDecision('approved', all(), computed());
    expect(check).toMatchObject({ input: [], register: [] });
    expect(check.outcomes).toContainEqual({ id: 'SA-MEMBER', outcome: 'pass', reason: 'SA-MEMBER seen' });
  });

  it.each([
    ['a judged criterion judged not met', 'approved', judged({ 'SA-RECORDS': 'fail' }), computed(), 'input', 'SA-RECORDS', 'is judged not met'],
    [
      'a computed criterion failing, left out',
      'approved',
      judged(),
      computed({ 'SA-OFSTED': 'fail' }),
      'register',
      'SA-OFSTED',
      'is not met, so the application cannot be approved: SA-OFSTED explained',
    ],
    [
      'a computed criterion failing, listed as failing',
      'approved',
      all({ 'SA-TRAINED': 'fail' }),
      computed({ 'SA-TRAINED': 'fail' }),
      'register',
      'SA-TRAINED',
      'cannot be approved',
    ],
    [
      'a computed criterion listed as met that the register fails',
      'approved',
      all(),
      computed({ 'SA-MEMBER': 'fail' }),
      'register',
      'SA-MEMBER',
      'is decided from the register, which says it is not met (the decision says met): SA-MEMBER explained',
    ],
    [
      'a computed criterion listed as not met that the register passes',
      'rejected',
      all({ 'SA-OFSTED': 'fail', 'SA-RECORDS': 'fail' }),
      computed(),
      'register',
      'SA-OFSTED',
      'which says it is met (the decision says not met)',
    ],
    [
      'the desirable SA-LEVEL3 listed against the register',
      'approved',
      [...judged(), { id: 'SA-LEVEL3', outcome: 'pass' as const, reason: 'x' }],
      computed({ 'SA-LEVEL3': 'fail' }),
      'register',
      'SA-LEVEL3',
      'which says it is not met (the decision says met)',
    ],
    ['a rejection with nothing failing', 'rejected', judged(), computed(), 'input', 'criteria', 'a rejection needs at least one criterion'],
    ['a judged criterion left out', 'approved', judged().slice(1), computed(), 'input', 'criteria', 'SA-PRINCIPLES needs an outcome and a reason'],
  ] as const)('refuses %s', (_, decision, given, results, where, field, words) => {
    const check = checkDecision(decision, given, results);
    expect(check[where]).toContainEqual({ field, problem: expect.stringContaining(words) });
  });

  it.each([
    ['a judged criterion not met', judged({ 'SA-ASSESSMENT': 'fail' }), computed(), 'SA-ASSESSMENT', 'SA-ASSESSMENT seen'],
    ['a computed criterion the register fails, left out', judged(), computed({ 'SA-OFSTED': 'fail' }), 'SA-OFSTED', 'SA-OFSTED explained'],
    ['a computed criterion the register fails, listed', all({ 'SA-OFSTED': 'fail' }), computed({ 'SA-OFSTED': 'fail' }), 'SA-OFSTED', 'SA-OFSTED seen'],
  ] as const)('rejects with %s, recording its reason', (_, given, results, failing, reason) => {
    const check = checkDecision('rejected', given, results);
    expect(check).toMatchObject({ input: [], register: [] });
    expect(check.outcomes).toContainEqual({ id: failing, outcome: 'fail', reason });
  });

  it('answers a rejection resting only on a computed criterion the register passes with the disagreement alone', () => {
    const check = checkDecision('rejected', all({ 'SA-MEMBER': 'fail' }), computed());
    expect(check.input).toEqual([]);
    expect(check.register.map((p) => p.field)).toEqual(['SA-MEMBER']);
  });

  it('never lets the desirable SA-LEVEL3 decide, and leaves it out unless listed', () => {
    const check = checkDecision('approved', judged(), computed({ 'SA-LEVEL3': 'fail' }));
    expect(check).toMatchObject({ input: [], register: [] });
    expect(check.outcomes.map((o) => o.id)).not.toContain('SA-LEVEL3');
  });

  it('takes a computed rule that does not apply as no obstacle', () => {
    expect(checkDecision('approved', all(), computed({ 'SA-TRAINED': 'not_applicable' }))).toMatchObject({ input: [], register: [] });
  });
});
