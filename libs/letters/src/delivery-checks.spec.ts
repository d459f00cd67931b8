import { DeliveryChecks, type Verdict } from './delivery-checks';
import type { Letter } from './letter.entity';

const letter = (id: string) => ({ id }) as Letter;
const hold = (reason: string): Verdict => ({ send: false, reason });

describe('DeliveryChecks.verdicts: a verdict per letter, in order, from every check that has not already held it back', () => {
  const cases: { name: string; checks: Record<string, Verdict>[]; expected: Verdict[]; asked: string[][] }[] = [
    { name: 'no checks: every letter goes', checks: [], expected: [{ send: true }, { send: true }, { send: true }], asked: [] },
    {
      name: 'one check holds back the middle letter',
      checks: [{ b: hold('done meanwhile') }],
      expected: [{ send: true }, hold('done meanwhile'), { send: true }],
      asked: [['a', 'b', 'c']],
    },
    {
      name: 'a letter held back by the first check is not put to the second, and the second answers for the rest in their places',
      checks: [{ a: hold('first') }, { c: hold('second') }],
      expected: [hold('first'), { send: true }, hold('second')],
      asked: [
        ['a', 'b', 'c'],
        ['b', 'c'],
      ],
    },
    {
      name: 'once every letter is held back, later checks are not asked',
      checks: [{ a: hold('x'), b: hold('y'), c: hold('z') }, {}],
      expected: [hold('x'), hold('y'), hold('z')],
      asked: [['a', 'b', 'c']],
    },
  ];

  it.each(cases)('$name', async ({ checks, expected, asked }) => {
    const registry = new DeliveryChecks();
    const seen: string[][] = [];
    for (const answers of checks)
      registry.register(async (letters) => {
        seen.push(letters.map((l) => l.id));
        return letters.map((l) => answers[l.id] ?? { send: true });
      });
    expect(await registry.verdicts(['a', 'b', 'c'].map(letter))).toEqual(expected);
    expect(seen).toEqual(asked);
  });

  it('verdict asks about one letter', async () => {
    const registry = new DeliveryChecks();
    registry.register(async (letters) => letters.map(() => hold('gone')));
    expect(await registry.verdict(letter('a'))).toEqual(hold('gone'));
  });
});
