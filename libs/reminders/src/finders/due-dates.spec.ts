import {
  awaitingReviewDue,
  awaitingReviewDueDates,
  dueWithCatchUp,
  expiredDue,
  inductionOverdueDue,
  informationRequestedDue,
  membershipExpiringDue,
  renewalDue,
  renewalDueDates,
  supervisionDue,
  supervisionSince,
  workingDaysAfter,
} from './due-dates';
import { DEFAULT_REMINDER_OFFSETS, reminderOffsets } from './reminder-offsets';
import { DEFAULT_RULE_PARAMS } from '@npa/compliance';

const O = DEFAULT_REMINDER_OFFSETS;
/** Offsets an NPA admin changed: what each due date moves to. */
const changed = reminderOffsets({
  ...DEFAULT_RULE_PARAMS,
  renewalFirstReminderDaysBefore: 60,
  renewalSecondReminderDaysBefore: 21,
  renewalLastReminderDaysBefore: 3,
  membershipExpiringDaysBefore: 45,
  supervisionDueDays: 7,
  supervisionMaxGapDays: 21,
  awaitingReviewWorkingDays: 5,
  awaitingReviewRepeatDays: 14,
  informationRequestedDays: 10,
});

// 2026-01-05 is a Monday.
describe(workingDaysAfter.name, () => {
  it.each([
    ['2026-01-05', 0, '2026-01-05'],
    ['2026-01-05', 1, '2026-01-06'],
    ['2026-01-05', 10, '2026-01-19'],
    ['2026-01-09', 1, '2026-01-12'],
    ['2026-01-10', 1, '2026-01-12'],
    ['2026-01-10', 10, '2026-01-23'],
    ['2026-01-11', 5, '2026-01-16'],
    ['2025-12-22', 10, '2026-01-05'],
  ])('%s + %i working days is %s (bank holidays count as working days)', (date, n, expected) => {
    expect(workingDaysAfter(date, n)).toBe(expected);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => workingDaysAfter('2026-01-05', -1)).toThrow(RangeError);
    expect(() => workingDaysAfter('2026-01-05', 1.5)).toThrow(RangeError);
  });
});

describe(dueWithCatchUp.name, () => {
  it.each([
    ['2026-03-01', '2026-02-28', null],
    ['2026-03-01', '2026-03-01', '2026-03-01'],
    ['2026-03-01', '2026-03-15', '2026-03-01'],
    ['2026-03-01', '2026-03-16', null],
    ['2026-03-01', '2026-04-10', null],
  ])('due on %s, asked on %s: %s', (dueOn, asOf, expected) => {
    expect(dueWithCatchUp(dueOn, asOf, O)).toBe(expected);
  });
});

describe(renewalDueDates.name, () => {
  it('gives 90, 30 and 7 days before expiry, earliest first', () => {
    expect(renewalDueDates({ expiresOn: '2026-12-31' }, O)).toEqual([
      { kind: 'award-renewal-90', dueOn: '2026-10-02' },
      { kind: 'award-renewal-30', dueOn: '2026-12-01' },
      { kind: 'award-renewal-7', dueOn: '2026-12-24' },
    ]);
  });
});

describe(renewalDue.name, () => {
  const award = { expiresOn: '2026-12-31' };
  it.each([
    ['2026-10-01', null],
    ['2026-10-02', { kind: 'award-renewal-90', dueOn: '2026-10-02' }],
    ['2026-11-30', { kind: 'award-renewal-90', dueOn: '2026-10-02' }],
    ['2026-12-01', { kind: 'award-renewal-30', dueOn: '2026-12-01' }],
    ['2026-12-23', { kind: 'award-renewal-30', dueOn: '2026-12-01' }],
    ['2026-12-24', { kind: 'award-renewal-7', dueOn: '2026-12-24' }],
    ['2026-12-31', { kind: 'award-renewal-7', dueOn: '2026-12-24' }],
    ['2027-01-01', null],
  ])('on %s: %j', (asOf, expected) => {
    expect(renewalDue(award, asOf, O)).toEqual(expected);
  });
});

describe(expiredDue.name, () => {
  it.each([
    ['2026-12-31', null],
    ['2027-01-01', '2027-01-01'],
    ['2027-01-15', '2027-01-01'],
    ['2027-01-16', null],
  ])('award ending 2026-12-31, on %s: %s', (asOf, expected) => {
    expect(expiredDue({ expiresOn: '2026-12-31' }, asOf, O)).toBe(expected);
  });
});

describe(membershipExpiringDue.name, () => {
  it.each([
    ['2026-05-30', null],
    ['2026-05-31', '2026-05-31'],
    ['2026-06-14', '2026-05-31'],
    ['2026-06-15', null],
  ])('ending 2026-06-30, on %s: %s', (asOf, expected) => {
    expect(membershipExpiringDue({ endDate: '2026-06-30' }, asOf, O)).toBe(expected);
  });

  it('never after the membership has ended, even with a long catch-up', () => {
    expect(membershipExpiringDue({ endDate: '2026-06-30' }, '2026-07-01', { membershipExpiringDaysBefore: 30, catchUpDays: 60 })).toBeNull();
  });
});

describe(supervisionDue.name, () => {
  it.each([
    ['2026-03-01', '2026-01-01', '2026-03-10', null],
    ['2026-03-01', '2026-01-01', '2026-03-11', { kind: 'supervision-due', dueOn: '2026-03-11', since: '2026-03-01' }],
    ['2026-03-01', '2026-01-01', '2026-03-15', { kind: 'supervision-due', dueOn: '2026-03-11', since: '2026-03-01' }],
    ['2026-03-01', '2026-01-01', '2026-03-16', { kind: 'supervision-overdue', dueOn: '2026-03-16', since: '2026-03-01' }],
    ['2026-03-01', '2026-01-01', '2026-03-30', { kind: 'supervision-overdue', dueOn: '2026-03-16', since: '2026-03-01' }],
    ['2026-03-01', '2026-01-01', '2026-03-31', null],
    [null, '2026-03-01', '2026-03-11', { kind: 'supervision-due', dueOn: '2026-03-11', since: '2026-03-01' }],
    [null, '2026-03-01', '2026-04-10', null],
    // A session before the current start (someone who left and came back) counts from the start.
    ['2025-06-01', '2026-03-01', '2026-03-16', { kind: 'supervision-overdue', dueOn: '2026-03-16', since: '2026-03-01' }],
  ])('last session %s, started %s, on %s: %j', (last, start, asOf, expected) => {
    expect(supervisionDue(last, start, asOf, O)).toEqual(expected);
  });

  it('counts back from the due date to the session the reminder was about', () => {
    expect(supervisionSince('supervision-due', '2026-03-11', O)).toBe('2026-03-01');
    expect(supervisionSince('supervision-overdue', '2026-03-16', O)).toBe('2026-03-01');
  });
});

describe(inductionOverdueDue.name, () => {
  it.each([
    ['2026-01-01', null, '2026-03-25', null],
    ['2026-01-01', null, '2026-03-26', '2026-03-26'],
    ['2026-01-01', null, '2026-04-09', '2026-03-26'],
    ['2026-01-01', null, '2026-04-10', null],
    ['2026-01-01', '2026-03-20', '2026-03-26', null],
    ['2026-01-01', '2026-03-28', '2026-03-27', '2026-03-26'],
  ])('started %s, checklist %s, on %s: %s', (start, completedOn, asOf, expected) => {
    expect(inductionOverdueDue(start, completedOn, 84, asOf, O)).toBe(expected);
  });
});

describe(awaitingReviewDue.name, () => {
  it.each([
    ['2026-01-05', '2026-01-16', null],
    ['2026-01-05', '2026-01-19', '2026-01-19'],
    ['2026-01-05', '2026-01-25', '2026-01-19'],
    ['2026-01-05', '2026-01-26', '2026-01-26'],
    ['2026-01-05', '2026-03-01', '2026-02-23'],
    ['2026-01-10', '2026-01-23', '2026-01-23'],
  ])('submitted %s, on %s: %s', (submittedOn, asOf, expected) => {
    expect(awaitingReviewDue(submittedOn, asOf, O)).toBe(expected);
  });

  it.each([
    ['2026-01-19', true],
    ['2026-01-26', true],
    ['2026-01-20', false],
    ['2026-01-12', false],
  ])('the series from 2026-01-05 includes %s: %s', (dueOn, expected) => {
    expect(awaitingReviewDueDates('2026-01-05', O).includes(dueOn)).toBe(expected);
  });
});

describe(informationRequestedDue.name, () => {
  it.each([
    ['2026-01-14', null],
    ['2026-01-15', '2026-01-15'],
    ['2026-01-29', '2026-01-15'],
    ['2026-01-30', null],
  ])('requested 2026-01-01, on %s: %s', (asOf, expected) => {
    expect(informationRequestedDue('2026-01-01', asOf, O)).toBe(expected);
  });
});

describe('with offsets an NPA admin changed', () => {
  it.each([
    ['2026-10-31', null],
    ['2026-11-01', { kind: 'award-renewal-90', dueOn: '2026-11-01' }],
    ['2026-12-09', { kind: 'award-renewal-90', dueOn: '2026-11-01' }],
    ['2026-12-10', { kind: 'award-renewal-30', dueOn: '2026-12-10' }],
    ['2026-12-28', { kind: 'award-renewal-7', dueOn: '2026-12-28' }],
  ])('renewal of an award ending 2026-12-31, on %s: %j', (asOf, expected) => {
    expect(renewalDue({ expiresOn: '2026-12-31' }, asOf, changed)).toEqual(expected);
  });

  it.each([
    ['2026-05-15', null],
    ['2026-05-16', '2026-05-16'],
    ['2026-05-30', '2026-05-16'],
    ['2026-05-31', null],
  ])('membership ending 2026-06-30, on %s: %s', (asOf, expected) => {
    expect(membershipExpiringDue({ endDate: '2026-06-30' }, asOf, changed)).toBe(expected);
  });

  it.each([
    ['2026-03-07', null],
    ['2026-03-08', { kind: 'supervision-due', dueOn: '2026-03-08', since: '2026-03-01' }],
    ['2026-03-16', { kind: 'supervision-due', dueOn: '2026-03-08', since: '2026-03-01' }],
    ['2026-03-22', { kind: 'supervision-due', dueOn: '2026-03-08', since: '2026-03-01' }],
    ['2026-03-23', { kind: 'supervision-overdue', dueOn: '2026-03-23', since: '2026-03-01' }],
  ])('supervision last held 2026-03-01 (due at 7 days, overdue past 21), on %s: %j', (asOf, expected) => {
    expect(supervisionDue('2026-03-01', '2026-01-01', asOf, changed)).toEqual(expected);
  });

  it.each([
    ['2026-01-09', null],
    ['2026-01-12', '2026-01-12'],
    ['2026-01-25', '2026-01-12'],
    ['2026-01-26', '2026-01-26'],
  ])('application submitted 2026-01-05 (5 working days, then fortnightly), on %s: %s', (asOf, expected) => {
    expect(awaitingReviewDue('2026-01-05', asOf, changed)).toBe(expected);
  });

  it.each([
    ['2026-01-10', null],
    ['2026-01-11', '2026-01-11'],
  ])('information requested 2026-01-01 (10 days), on %s: %s', (asOf, expected) => {
    expect(informationRequestedDue('2026-01-01', asOf, changed)).toBe(expected);
  });
});
