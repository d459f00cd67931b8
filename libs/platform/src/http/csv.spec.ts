import { parse } from 'csv-parse/sync';
import { csvStream, csvText, spreadsheetCell } from './csv';

const FORMULAS = ['=HYPERLINK("https://evil.example","Open")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

describe('CSV writing', () => {
  it.each([
    ...FORMULAS.map((value) => [value, `'${value}`]),
    ['Ann Smith', 'Ann Smith'],
    ['ann@example.org', 'ann@example.org'],
    ['2026-01-31', '2026-01-31'],
    ['', ''],
    ["O'Neill", "O'Neill"],
    [' =padded', ' =padded'],
  ])('%j is written as %j', (value, cell) => {
    expect(spreadsheetCell(value)).toBe(cell);
    expect(parse(csvText(['v'], [[value]]))).toEqual([['v'], [cell]]);
  });

  it('writes numbers as they are, negative ones too', () => {
    expect(csvText(['n', 'm'], [[-3, 2.5]])).toBe('n,m\n-3,2.5\n');
  });

  it('guards a streamed file the same way', async () => {
    const out = csvStream(['name', 'email']);
    FORMULAS.forEach((name, i) => out.write({ name, email: `p${i}@example.org` }));
    out.end();
    let text = '';
    for await (const chunk of out) text += String(chunk);
    expect(parse(text)).toEqual([['name', 'email'], ...FORMULAS.map((name, i) => [`'${name}`, `p${i}@example.org`])]);
  });
});
