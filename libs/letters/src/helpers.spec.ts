import { formatDate, link, listOf, plural } from './helpers';

describe('letter helpers', () => {
  it.each([
    ['2026-11-23', '23 November 2026'],
    ['2027-01-04', '4 January 2027'],
    ['2028-02-29', '29 February 2028'],
    ['2026-13-01', ''],
    ['23/11/2026', ''],
    [undefined, ''],
  ])('formatDate(%p) is %p', (value, expected) => {
    expect(formatDate(value)).toBe(expected);
  });

  it('says "1 member" and "3 members", and takes an irregular plural', () => {
    expect([plural(1, 'member'), plural(3, 'member'), plural(2, 'child', 'children')]).toEqual(['1 member', '3 members', '2 children']);
  });

  it('joins a list as English', () => {
    expect([listOf([]), listOf(['a']), listOf(['a', 'b']), listOf(['a', 'b', 'c'])]).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });

  it('links http(s) URLs, escaped, and prints anything else as inert text', () => {
    expect(String(link('https://example.org/a?b=1&c="2"'))).toBe(
      '<a href="https://example.org/a?b&#x3D;1&amp;c&#x3D;&quot;2&quot;">https://example.org/a?b&#x3D;1&amp;c&#x3D;&quot;2&quot;</a>',
    );
    expect(link('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(link({ toString: () => 'https://example.org' })).toBe('');
  });
});
