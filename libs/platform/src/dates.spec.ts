import { addDays, addMonths, covers, daysBetween, isIsoDate, maxDate, minDate, todayIn } from './dates';

describe('dates', () => {
  describe(addDays.name, () => {
    it.each([
      ['2025-01-01', 1, '2025-01-02'],
      ['2025-01-31', 1, '2025-02-01'],
      ['2024-02-28', 1, '2024-02-29'],
      ['2025-02-28', 1, '2025-03-01'],
      ['2025-01-01', -1, '2024-12-31'],
      ['2025-06-30', -90, '2025-04-01'],
      ['2025-03-29', 2, '2025-03-31'], // across the UK clocks going forward
      ['2025-10-25', 2, '2025-10-27'], // and going back
      ['2025-06-30', 0, '2025-06-30'],
    ])('moves %s by %i days to %s', (date, days, expected) => {
      expect(addDays(date, days)).toBe(expected);
    });

    it('refuses fractional days', () => {
      expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
    });
  });

  describe(daysBetween.name, () => {
    it.each([
      ['2025-01-01', '2025-01-15', 14],
      ['2025-01-15', '2025-01-01', -14],
      ['2025-03-01', '2025-04-01', 31], // DST starts in between
      ['2024-01-01', '2025-01-01', 366],
      ['2025-06-30', '2025-06-30', 0],
    ])('counts %s to %s as %i days', (a, b, expected) => {
      expect(daysBetween(a, b)).toBe(expected);
    });

    it('is the inverse of addDays', () => {
      expect(daysBetween('2025-06-30', addDays('2025-06-30', -1234))).toBe(-1234);
    });
  });

  describe(addMonths.name, () => {
    it.each([
      ['2024-01-31', 1, '2024-02-29'],
      ['2025-01-31', 1, '2025-02-28'],
      ['2025-03-31', 1, '2025-04-30'],
      ['2025-06-30', -12, '2024-06-30'],
      ['2024-02-29', -12, '2023-02-28'],
      ['2024-02-29', 12, '2025-02-28'],
      ['2025-01-15', -1, '2024-12-15'],
      ['2025-11-30', 3, '2026-02-28'],
      ['2025-05-31', -3, '2025-02-28'],
    ])('moves %s by %i months to %s, clamped to the month end', (date, months, expected) => {
      expect(addMonths(date, months)).toBe(expected);
    });
  });

  describe(isIsoDate.name, () => {
    it.each(['2025-01-01', '2024-02-29', '2025-12-31', '0001-01-01'])('accepts %s', (value) => {
      expect(isIsoDate(value)).toBe(true);
    });

    it.each([
      '2025-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-01',
      '25-01-01',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
      '',
      null,
      20250101,
    ])('rejects %p', (value) => {
      expect(isIsoDate(value)).toBe(false);
    });
  });

  it('agrees with the JavaScript Date in UTC on every day of 1890-2110 and at the ends of the format', () => {
    const MS_PER_DAY = 86_400_000;
    const viaDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
    for (let t = Date.UTC(1890, 0, 1); t <= Date.UTC(2110, 11, 31); t += MS_PER_DAY) {
      const date = new Date(t).toISOString().slice(0, 10);
      expect(isIsoDate(date)).toBe(true);
      expect(addDays(date, 1)).toBe(viaDate(date, 1));
      expect(addDays(date, -45)).toBe(viaDate(date, -45));
      expect(daysBetween('2000-01-01', date)).toBe(Math.round((t - Date.UTC(2000, 0, 1)) / MS_PER_DAY));
    }
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(addDays('0000-01-02', -1)).toBe('0000-01-01');
    expect(() => addDays('0000-01-01', -1)).toThrow(RangeError);
    expect(isIsoDate('0000-02-29')).toBe(true); // year 0 is a leap year, proleptically
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('throws on a date that is not a real calendar date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  describe(covers.name, () => {
    it.each([
      ['2025-01-01', '2025-12-31', '2025-01-01', true],
      ['2025-01-01', '2025-12-31', '2025-12-31', true],
      ['2025-01-01', '2025-12-31', '2024-12-31', false],
      ['2025-01-01', '2025-12-31', '2026-01-01', false],
      ['2025-01-01', null, '2099-01-01', true],
      ['2025-01-01', null, '2024-12-31', false],
    ])('period %s to %s covers %s: %p', (start, end, date, expected) => {
      expect(covers(start, end, date)).toBe(expected);
    });
  });

  it('finds the latest and earliest of several dates', () => {
    const dates = ['2025-03-01', '2024-12-31', '2025-10-09', '2025-01-01'] as const;
    expect(maxDate(...dates)).toBe('2025-10-09');
    expect(minDate(...dates)).toBe('2024-12-31');
    expect(maxDate('2025-01-01')).toBe('2025-01-01');
  });

  describe(todayIn.name, () => {
    it.each([
      ['Europe/London', '2025-03-30T23:30:00Z', '2025-03-31'], // BST: already tomorrow in London
      ['Europe/London', '2025-01-15T23:30:00Z', '2025-01-15'], // GMT: still today
      ['Europe/London', '2025-10-25T23:30:00Z', '2025-10-26'],
      ['UTC', '2025-06-30T00:00:00Z', '2025-06-30'],
      ['America/New_York', '2025-07-01T02:00:00Z', '2025-06-30'],
    ])('in %s at %s it is %s', (timeZone, instant, expected) => {
      expect(todayIn(timeZone, new Date(instant))).toBe(expected);
    });
  });
});
