import { formerMemberEmail, formerMemberName, isPastRetention, retentionCutoff } from './retention.rules';

describe('retention', () => {
  it.each([
    ['six years and a day ago: anonymised', '2020-03-01', '2026-03-02', 6, true],
    ['exactly six years ago: kept that day', '2020-03-01', '2026-03-01', 6, false],
    ['six years less a day ago: kept', '2020-03-02', '2026-03-01', 6, false],
    ['a link still open: kept', null, '2090-01-01', 6, false],
    ['a leap day, six years on: kept through 28 February', '2024-02-29', '2030-02-28', 6, false],
    ['a leap day, six years and a day on: anonymised', '2024-02-29', '2030-03-01', 6, true],
    ['one year, when the parameter says one', '2024-05-01', '2025-05-02', 1, true],
    ['ten years, when the parameter says ten', '2016-05-01', '2025-05-02', 10, false],
  ])('%s', (_case, lastLinkEnded, asOf, years, expected) => {
    expect(isPastRetention(lastLinkEnded, asOf, years)).toBe(expected);
  });

  it('cuts off on the same day of the month, years before', () => {
    expect(retentionCutoff('2026-11-23', 6)).toBe('2020-11-23');
  });

  it('names a former member by number, with an address that can never be delivered', () => {
    expect(formerMemberName(12)).toBe('Former member 12');
    expect(formerMemberEmail(12)).toBe('former-member-12@anonymised.invalid');
  });
});
