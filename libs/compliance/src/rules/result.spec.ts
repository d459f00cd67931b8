import { evaluateSetting } from './evaluate';
import { DEFAULT_RULE_PARAMS } from './params';
import { keptResult, peopleIn, type RuleResult } from './result';
import { AS_OF, makeSetting } from './testing/make-facts';

const r = (facts: Record<string, unknown>): RuleResult => ({ id: 'SR-X', level: 'essential', outcome: 'fail', explanation: 'Ann Lee has not.', facts });
const ann = { personId: 'a1', name: 'Ann Lee' };
const bo = { personId: 'b2', name: 'Bo Diaz' };

describe(peopleIn.name, () => {
  it.each([
    { case: 'names nobody when the facts are counts', results: [r({ teamSize: 3, required: 1 })], expected: [] },
    { case: 'takes the people of a list', results: [r({ members: [ann, bo], nonMembers: [] })], expected: ['a1', 'b2'] },
    {
      case: 'takes each person once, across lists and rules',
      results: [r({ trained: [ann], exempt: [bo] }), r({ practitioners: [bo, ann] })],
      expected: ['a1', 'b2'],
    },
    {
      case: 'ignores a name without an id (a trainer named beside a workshop)',
      results: [r({ trained: [{ ...ann, trainerName: 'Cy Ng' }] })],
      expected: ['a1'],
    },
    { case: 'ignores an id that is not a string', results: [r({ members: [{ personId: null, name: 'Nobody' }] })], expected: [] },
  ])('$case', ({ results, expected }) => {
    expect(peopleIn(results)).toEqual(expected);
  });
});

describe(`${peopleIn.name} of a setting's results`, () => {
  it.each([
    { staff: 0, trained: 0, members: 0 },
    { staff: 3, trained: 1, members: 0 },
    { staff: 5, trained: 2, members: 1 },
  ])('finds each of $staff staff the facts name ($trained trained, $members members)', ({ staff, trained, members }) => {
    const results = evaluateSetting(makeSetting({ staff, trained, members }), DEFAULT_RULE_PARAMS, AS_OF);
    const named = new Set(JSON.stringify(results.map((x) => x.facts)).match(/(?<="personId":")[^"]+/g) ?? []);
    expect(new Set(peopleIn(results))).toEqual(named);
    expect(named.size).toBe(staff);
  });
});

describe(keptResult.name, () => {
  it('keeps the outcome and the explanation, not the facts', () => {
    expect(keptResult(r({ members: [ann] }))).toEqual({ id: 'SR-X', level: 'essential', outcome: 'fail', explanation: 'Ann Lee has not.' });
  });
});
