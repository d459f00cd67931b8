import { countValid, overlappingPeriods, overlaps, repeatedRows, type Clash, type Period } from './file.rules';

const rows = <T>(...values: T[]) => values.map((value, i) => ({ row: i + 2, value }));

describe(overlaps.name, () => {
  const jan = { start: '2025-01-01', end: '2025-01-31' };
  it.each([
    { case: 'a period inside another', other: { start: '2025-01-10', end: '2025-01-20' }, expected: true },
    { case: 'periods sharing their last and first day', other: { start: '2025-01-31', end: '2025-02-28' }, expected: true },
    { case: 'the next day on', other: { start: '2025-02-01', end: '2025-02-28' }, expected: false },
    { case: 'an open period begun before', other: { start: '2024-06-01', end: null }, expected: true },
    { case: 'an open period begun after', other: { start: '2025-02-01', end: null }, expected: false },
  ])('$case: $expected', ({ other, expected }) => {
    expect(overlaps(jan, other)).toBe(expected);
    expect(overlaps(other, jan)).toBe(expected);
  });
});

describe(repeatedRows.name, () => {
  it('puts the problem on each later row, pointing back to the first', () => {
    const emails = rows('a@x.org', 'b@x.org', 'A@x.org', 'a@x.org');
    expect(
      repeatedRows(
        emails,
        (e) => e.toLowerCase(),
        'email',
        (e) => e,
      ),
    ).toEqual([
      { row: 4, column: 'email', problem: 'A@x.org is already on row 2 of this file' },
      { row: 5, column: 'email', problem: 'a@x.org is already on row 2 of this file' },
    ]);
  });

  it('finds nothing in a file without repeats', () => {
    expect(
      repeatedRows(
        rows('a', 'b', 'c'),
        (e) => e,
        'email',
        (e) => e,
      ),
    ).toEqual([]);
  });
});

describe(overlappingPeriods.name, () => {
  type Post = { who: string } & Period;
  const explain = (v: Post, clash: Clash) => ('row' in clash ? `${v.who} clashes with row ${clash.row}` : `${v.who} clashes with ${clash.period.start}`);
  const check = (posts: Post[], existing: [string, Period[]][] = []) =>
    overlappingPeriods(
      rows(...posts),
      (v) => v.who,
      (v) => v,
      new Map(existing),
      'start_date',
      explain,
    ).map((p) => `${p.row}: ${p.problem}`);

  it.each([
    {
      case: 'separate people never clash',
      posts: [
        { who: 'ann', start: '2025-01-01', end: null },
        { who: 'bob', start: '2025-01-01', end: null },
      ],
      expected: [],
    },
    {
      case: 'one person, one period after another',
      posts: [
        { who: 'ann', start: '2025-01-01', end: '2025-03-31' },
        { who: 'ann', start: '2025-04-01', end: null },
      ],
      expected: [],
    },
    {
      case: 'one person, periods that overlap',
      posts: [
        { who: 'ann', start: '2025-01-01', end: null },
        { who: 'ann', start: '2025-04-01', end: null },
      ],
      expected: ['3: ann clashes with row 2'],
    },
  ])('within the file: $case', ({ posts, expected }) => {
    expect(check(posts)).toEqual(expected);
  });

  it.each([
    { case: 'a period already held', existing: [{ start: '2024-01-01', end: null }], expected: ['2: ann clashes with 2024-01-01'] },
    { case: 'a period that ended before', existing: [{ start: '2024-01-01', end: '2024-12-31' }], expected: [] },
  ])('against the register: $case', ({ existing, expected }) => {
    expect(check([{ who: 'ann', start: '2025-01-01', end: null }], [['ann', existing]])).toEqual(expected);
  });
});

describe(countValid.name, () => {
  it('counts rows with no problem, however many problems a row has', () => {
    const problem = (row: number) => ({ row, column: 'email', problem: 'x' });
    expect(countValid(5, [problem(2), problem(2), problem(4)])).toBe(3);
  });
});
