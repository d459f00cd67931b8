import { DEFAULT_REMINDER_OFFSETS } from './reminder-offsets';
import { returnReminderDue } from './return-reminders';

const year = { opensOn: '2026-04-01', dueOn: '2026-06-30' };

describe('returnReminderDue', () => {
  it.each([
    ['2026-03-31', null],
    ['2026-04-01', { kind: 'return-window-open', dueOn: '2026-04-01' }],
    // A sweep that missed the opening still sends it, until "due soon" takes over.
    ['2026-05-30', { kind: 'return-window-open', dueOn: '2026-04-01' }],
    ['2026-05-31', { kind: 'return-due-soon', dueOn: '2026-05-31' }],
    ['2026-06-30', { kind: 'return-due-soon', dueOn: '2026-05-31' }],
    ['2026-07-01', { kind: 'return-overdue', dueOn: '2026-07-01' }],
    ['2026-07-15', { kind: 'return-overdue', dueOn: '2026-07-01' }],
    ['2026-07-16', null],
    ['2026-11-23', null],
  ])('on %s: %j', (asOf, expected) => {
    expect(returnReminderDue(year, asOf, DEFAULT_REMINDER_OFFSETS)).toEqual(expected);
  });

  it('skips "due soon" when the return is due within 30 days of opening', () => {
    const short = { opensOn: '2026-04-01', dueOn: '2026-04-20' };
    expect(returnReminderDue(short, '2026-04-19', DEFAULT_REMINDER_OFFSETS)).toEqual({ kind: 'return-window-open', dueOn: '2026-04-01' });
    expect(returnReminderDue(short, '2026-04-20', DEFAULT_REMINDER_OFFSETS)).toEqual({ kind: 'return-window-open', dueOn: '2026-04-01' });
    expect(returnReminderDue(short, '2026-04-21', DEFAULT_REMINDER_OFFSETS)).toEqual({ kind: 'return-overdue', dueOn: '2026-04-21' });
  });
});
