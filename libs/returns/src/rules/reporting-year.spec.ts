import { defaultDueOn, latestFilingYear, parseYear, reportingYear, yearOf } from './reporting-year';

describe('reporting years', () => {
  it('runs from 1 April to 31 March and opens for returns the next day', () => {
    expect(reportingYear(2024)).toEqual({
      startYear: 2024,
      label: '2024/25',
      slug: '2024-25',
      startsOn: '2024-04-01',
      endsOn: '2025-03-31',
      opensOn: '2025-04-01',
    });
    expect(reportingYear(2099).label).toBe('2099/00');
  });

  it.each([
    ['2025-03-31', 2024],
    ['2025-04-01', 2025],
    ['2026-11-23', 2026],
    ['2027-01-01', 2026],
  ])('%s falls in the year starting %i', (date, startYear) => {
    expect(yearOf(date).startYear).toBe(startYear);
  });

  it.each([
    ['2026-11-23', 2025],
    ['2026-04-01', 2025],
    ['2026-03-31', 2024],
  ])('on %s the latest year to file is the one starting %i', (date, startYear) => {
    expect(latestFilingYear(date).startYear).toBe(startYear);
  });

  it.each([
    ['2024-25', 2024],
    ['2024', 2024],
    ['1999-00', null],
    ['2024-26', null],
    ['24-25', null],
    ['2024/25', null],
    ['abcd', null],
  ])('parses %s', (value, startYear) => {
    expect(parseYear(value)?.startYear ?? null).toBe(startYear);
  });

  it('is due by default at the end of June after the year', () => {
    expect(defaultDueOn(reportingYear(2024))).toBe('2025-06-30');
  });
});
