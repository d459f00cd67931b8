import { readTable } from './csv-table';

const people = { required: ['name', 'email'], optional: [] };
const team = { required: ['email', 'start_date'], optional: ['end_date'] };

describe(readTable.name, () => {
  it('numbers rows as a spreadsheet does: the header is row 1', () => {
    expect(readTable('name,email\nAnn,ann@example.org\nBob,bob@example.org\n', people, 'people')).toEqual({
      records: [
        { row: 2, cells: { name: 'Ann', email: 'ann@example.org' } },
        { row: 3, cells: { name: 'Bob', email: 'bob@example.org' } },
      ],
      problems: [],
    });
  });

  it.each([
    { case: 'header names in any case, with spaces or hyphens', text: 'Email, Start Date ,END-DATE\na@example.org,2025-01-01,\n' },
    { case: 'a byte-order mark and Windows line ends', text: '\uFEFFemail,start_date,end_date\r\na@example.org,2025-01-01,\r\n' },
    { case: 'quoted cells and spaces around cells', text: '"email" , "start_date",end_date\n  a@example.org , "2025-01-01",""\n' },
    { case: 'columns in another order', text: 'end_date,start_date,email\n,2025-01-01,a@example.org\n' },
  ])('reads $case', ({ text }) => {
    expect(readTable(text, team, 'team')).toEqual({
      records: [{ row: 2, cells: { email: 'a@example.org', start_date: '2025-01-01', end_date: '' } }],
      problems: [],
    });
  });

  it('leaves out an optional column that is not in the header', () => {
    expect(readTable('email,start_date\na@example.org,2025-01-01\n', team, 'team').records).toEqual([
      { row: 2, cells: { email: 'a@example.org', start_date: '2025-01-01' } },
    ]);
  });

  it('skips blank rows but keeps counting them, and counts a quoted line break as one row', () => {
    const table = readTable('name,email\n\n,\n"Ann\nExample",ann@example.org\n', people, 'people');
    expect(table.records).toEqual([{ row: 4, cells: { name: 'Ann\nExample', email: 'ann@example.org' } }]);
  });

  it('reports a row with too few or too many cells by its number', () => {
    expect(readTable('name,email\nAnn\nBob,bob@example.org,extra\n', people, 'people').problems).toEqual([
      { row: 2, column: null, problem: 'has 1 cells; the header has 2' },
      { row: 3, column: null, problem: 'has 3 cells; the header has 2' },
    ]);
  });

  it.each([
    { case: 'an empty file', text: '', problems: [{ row: 1, column: null, problem: 'is empty: the first row must name the columns (name, email)' }] },
    { case: 'a missing column', text: 'name\nAnn\n', problems: [{ row: 1, column: 'email', problem: 'is missing from the header' }] },
    {
      case: 'an extra column',
      text: 'name,email,phone\n',
      problems: [{ row: 1, column: 'phone', problem: 'is not a column of a people import; the columns are name, email' }],
    },
    { case: 'a column twice', text: 'name,email,Email\n', problems: [{ row: 1, column: 'email', problem: 'appears twice in the header' }] },
    { case: 'a column with no name', text: 'name,,email\n', problems: [{ row: 1, column: 'column 2', problem: 'has no name' }] },
  ])('refuses $case, reading no rows', ({ text, problems }) => {
    expect(readTable(text, people, 'people')).toEqual({ records: [], problems });
  });

  it('refuses text that is not CSV, naming the row where it broke', () => {
    const { records, problems } = readTable('name,email\nAnn,ann@example.org\n"Bob,bob@example.org\n', people, 'people');
    expect(records).toEqual([]);
    expect(problems).toEqual([{ row: 3, column: null, problem: expect.stringMatching(/^is not valid CSV: Quote Not Closed/) }]);
  });
});
