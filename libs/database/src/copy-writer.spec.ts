import { copyField, copyText } from './copy-writer';

describe("copyField: a value as the field of COPY's text format that reads back as that value", () => {
  it.each<[string, unknown, string]>([
    ['null is \\N', null, '\\N'],
    ['undefined likewise', undefined, '\\N'],
    ['an empty string is an empty field, which stays an empty string', '', ''],
    ['text as written', 'Ann Smith', 'Ann Smith'],
    ['commas and quotes are plain text', 'Smith, Ann "Nan"', 'Smith, Ann "Nan"'],
    ['a backslash is doubled', 'C:\\temp', 'C:\\\\temp'],
    ['so text that reads \\N is not NULL', '\\N', '\\\\N'],
    ['a line break is escaped', 'line one\nline two', 'line one\\nline two'],
    ['a carriage return is escaped', 'one\r\ntwo', 'one\\r\\ntwo'],
    ['a tab, the field separator, is escaped', 'a\tb', 'a\\tb'],
    ['a number as written', 42, '42'],
    ['a fraction', 0.5, '0.5'],
    ['true', true, 't'],
    ['false', false, 'f'],
    ['a date as its ISO instant', new Date('2026-12-04T10:00:00.000Z'), '2026-12-04T10:00:00.000Z'],
  ])('%s', (_, value, expected) => {
    expect(copyField(value)).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ['an array as its JSON text', [{ id: 'SR-LEVEL3', outcome: 'pass' }], '[{"id":"SR-LEVEL3","outcome":"pass"}]'],
    ["its escapes' backslashes doubled", { said: 'a "quote"\nand a line' }, '{"said":"a \\\\"quote\\\\"\\\\nand a line"}'],
    ['a string as a JSON string', 'text', '"text"'],
    ['null is still NULL', null, '\\N'],
  ])('in a JSON column, %s', (_, value, expected) => {
    expect(copyField(value, true)).toBe(expected);
  });

  it('refuses a value it has no form for outside a JSON column, rather than writing [object Object]', () => {
    expect(() => copyField({ a: 1 })).toThrow(/cannot write \[object Object\] values/);
    expect(() => copyField(['a'])).toThrow(/cannot write \[object Array\] values/);
  });
});

describe('copyText: rows as the lines of COPY text, in UTF-8', () => {
  const line = (row: string) => `${row}\t1`;
  const long = (n: number, text: string) => Array.from({ length: n }, (_, i) => `${text} ${i}`);

  it.each<[string, string[]]>([
    ['no rows, no bytes', []],
    ['one row, one line', ['Ann Smith']],
    ['rows far past one part, each line whole and in order', long(20_000, 'Ann Smith of 12 High Street')],
    ['characters of two, three and four bytes, whichever part they fall in', long(20_000, 'Zoë Ó Sé — 👍')],
    ['a single line longer than a part', ['x'.repeat(200_000) + 'é']],
  ])('%s', (_, rows) => {
    expect(copyText(rows, line).equals(Buffer.from(rows.map((row) => `${line(row)}\n`).join(''), 'utf8'))).toBe(true);
  });
});
