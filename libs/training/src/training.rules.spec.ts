import {
  canRecordOutcome,
  currentOutcomes,
  hasPlaceFor,
  needsConfirmation,
  isAccreditedFor,
  isAccreditedOn,
  newCertificateCode,
  normaliseCertificateCode,
} from './training.rules';

const period = (accreditedFrom: string, accreditedTo: string) => ({ accreditedFrom, accreditedTo });

describe(isAccreditedFor.name, () => {
  it.each([
    { case: 'one period holds the whole workshop', periods: [period('2025-01-01', '2025-12-31')], expected: true },
    { case: 'the period starts on the first day', periods: [period('2025-03-10', '2025-12-31')], expected: true },
    { case: 'the period ends on the last day', periods: [period('2025-01-01', '2025-03-12')], expected: true },
    { case: 'the period ended the day before the first day', periods: [period('2024-01-01', '2025-03-09')], expected: false },
    { case: 'the period ended during the workshop', periods: [period('2024-01-01', '2025-03-11')], expected: false },
    { case: 'the period began during the workshop', periods: [period('2025-03-11', '2025-12-31')], expected: false },
    {
      case: 'two periods meet mid-workshop (no single one holds it)',
      periods: [period('2024-01-01', '2025-03-10'), period('2025-03-11', '2026-01-01')],
      expected: false,
    },
    { case: 'a later renewal holds it', periods: [period('2023-01-01', '2023-12-31'), period('2025-01-01', '2025-12-31')], expected: true },
    { case: 'no periods at all', periods: [], expected: false },
  ])('$case: $expected', ({ periods, expected }) => {
    expect(isAccreditedFor(periods, '2025-03-10', '2025-03-12')).toBe(expected);
  });
});

describe(isAccreditedOn.name, () => {
  it.each([
    { date: '2024-12-31', expected: false },
    { date: '2025-01-01', expected: true },
    { date: '2025-06-30', expected: true },
    { date: '2025-07-01', expected: false },
  ])('on $date: $expected', ({ date, expected }) => {
    expect(isAccreditedOn([period('2025-01-01', '2025-06-30')], date)).toBe(expected);
  });
});

describe(canRecordOutcome.name, () => {
  it.each([
    { today: '2025-03-11', expected: false, case: 'refuses during the workshop' },
    { today: '2025-03-09', expected: false, case: 'refuses before it starts' },
    { today: '2025-03-12', expected: true, case: 'allows on the last day' },
    { today: '2025-04-01', expected: true, case: 'allows after the last day' },
  ])('$case ($today)', ({ today, expected }) => {
    expect(canRecordOutcome(today, { endDate: '2025-03-12' })).toBe(expected);
  });
});

describe(needsConfirmation.name, () => {
  it.each([
    ['a trainer, a workshop ahead', '2026-06-10', false, false],
    ['a trainer, today', '2026-06-01', false, false],
    ['a trainer, exactly 30 days back', '2026-05-02', false, false],
    ['a trainer, 31 days back', '2026-05-01', false, true],
    ['a trainer, a year back', '2025-06-01', false, true],
    ['NPA staff, a year back', '2025-06-01', true, false],
  ])('%s', (_name, startDate, byStaff, expected) => {
    expect(needsConfirmation({ startDate }, '2026-06-01', 30, byStaff)).toBe(expected);
  });

  it('with 0 days, a trainer may schedule nothing in the past without confirmation', () => {
    expect(needsConfirmation({ startDate: '2026-05-31' }, '2026-06-01', 0, false)).toBe(true);
    expect(needsConfirmation({ startDate: '2026-06-01' }, '2026-06-01', 0, false)).toBe(false);
  });
});

describe(hasPlaceFor.name, () => {
  it.each([
    { attendees: 0, capacity: 1, expected: true },
    { attendees: 11, capacity: 12, expected: true },
    { attendees: 12, capacity: 12, expected: false },
    { attendees: 13, capacity: 12, expected: false },
  ])('$attendees of $capacity places taken: $expected', ({ attendees, capacity, expected }) => {
    expect(hasPlaceFor(attendees, capacity)).toBe(expected);
  });
});

describe(currentOutcomes.name, () => {
  it('keeps only the rows nothing supersedes', () => {
    const rows = [
      { id: 'a1', supersedesId: null },
      { id: 'a2', supersedesId: 'a1' },
      { id: 'a3', supersedesId: 'a2' },
      { id: 'b1', supersedesId: null },
    ];
    expect(currentOutcomes(rows).map((r) => r.id)).toEqual(['a3', 'b1']);
  });

  it('is empty for no history', () => {
    expect(currentOutcomes([])).toEqual([]);
  });
});

describe(newCertificateCode.name, () => {
  it('is NPA- and two groups of five from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) expect(newCertificateCode()).toMatch(/^NPA-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
  });

  it('uses the random source for every character', () => {
    expect(newCertificateCode(() => 0)).toBe('NPA-22222-22222');
    expect(newCertificateCode((max) => max - 1)).toBe('NPA-ZZZZZ-ZZZZZ');
  });

  it('does not repeat in practice', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => newCertificateCode()));
    expect(codes.size).toBe(5000);
  });
});

describe(normaliseCertificateCode.name, () => {
  it.each([
    { input: 'NPA-ABCDE-23456', expected: 'NPA-ABCDE-23456' },
    { input: ' npa-abcde-23456 ', expected: 'NPA-ABCDE-23456' },
    { input: 'NPA-ABCDE-2345', expected: null },
    { input: 'NPA-ABCDO-23456', expected: null },
    { input: 'NPA-ABCDE-23451', expected: null },
    { input: "NPA-ABCDE-23456' OR 1=1", expected: null },
    { input: '', expected: null },
  ])('"$input" -> $expected', ({ input, expected }) => {
    expect(normaliseCertificateCode(input)).toBe(expected);
  });
});
