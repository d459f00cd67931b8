import { csvField } from './bulk-insert';

describe('csvField: a value as the CSV field COPY reads back as that value', () => {
  it.each<[string, unknown, string]>([
    ['null is the empty unquoted field (COPY CSV reads it as NULL)', null, ''],
    ['undefined likewise', undefined, ''],
    ['an empty string is quoted, so it stays an empty string', '', '""'],
    ['text is quoted', 'Ann Smith', '"Ann Smith"'],
    ['a comma stays inside the quotes', 'Smith, Ann', '"Smith, Ann"'],
    ['quotes are doubled', 'Ann "Nan" Smith', '"Ann ""Nan"" Smith"'],
    ['a line break stays inside the quotes', 'line one\nline two', '"line one\nline two"'],
    ['backslashes and \\N are plain text in CSV', 'C:\\N', '"C:\\N"'],
    ['a number as written', 42, '42'],
    ['a fraction', 0.5, '0.5'],
    ['true', true, 't'],
    ['false', false, 'f'],
    ['a date as its ISO instant', new Date('2026-12-04T10:00:00.000Z'), '2026-12-04T10:00:00.000Z'],
  ])('%s', (_, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('refuses a value it has no CSV form for, rather than writing [object Object]', () => {
    expect(() => csvField({ a: 1 })).toThrow(/cannot write \[object Object\] values/);
    expect(() => csvField(['a'])).toThrow(/cannot write \[object Array\] values/);
  });
});
