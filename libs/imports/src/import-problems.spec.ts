import { toDetails } from './import-problems';

describe(toDetails.name, () => {
  const problems = Array.from({ length: 5 }, (_, i) => ({ row: i + 2, column: i === 0 ? null : 'email', problem: `problem ${i}` }));

  it('names the row and column in each field', () => {
    expect(toDetails(problems.slice(0, 2))).toEqual([
      { field: 'row 2', problem: 'problem 0' },
      { field: 'row 3: email', problem: 'problem 1' },
    ]);
  });

  it.each([
    { max: 5, length: 5, last: { field: 'row 6: email', problem: 'problem 4' } },
    { max: 4, length: 5, last: { field: 'file', problem: 'and 1 more problem; a dry run (?dryRun=true) lists every one' } },
    { max: 2, length: 3, last: { field: 'file', problem: 'and 3 more problems; a dry run (?dryRun=true) lists every one' } },
  ])('caps the list at $max and counts the rest', ({ max, length, last }) => {
    const details = toDetails(problems, max);
    expect(details).toHaveLength(length);
    expect(details.at(-1)).toEqual(last);
  });
});
