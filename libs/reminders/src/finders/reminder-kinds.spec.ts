import { reminderKey } from './due-reminder';
import { DEFAULT_REMINDER_OFFSETS, isReminderKind, REMINDER_KINDS } from './reminder-kinds';

describe('REMINDER_KINDS', () => {
  it('names each kind once, each with at least one recipient group and a title', () => {
    expect(new Set(REMINDER_KINDS.map((k) => k.kind)).size).toBe(REMINDER_KINDS.length);
    for (const k of REMINDER_KINDS) {
      expect(k.to.length).toBeGreaterThan(0);
      expect(k.title).not.toBe('');
    }
  });

  it.each(Object.keys(DEFAULT_REMINDER_OFFSETS.renewalDaysBefore))('has an offset for %s that matches its name', (kind) => {
    expect(isReminderKind(kind)).toBe(true);
    expect(`award-renewal-${DEFAULT_REMINDER_OFFSETS.renewalDaysBefore[kind as 'award-renewal-30']}`).toBe(kind);
  });
});

describe(reminderKey.name, () => {
  it.each([
    [{ kind: 'award-renewal-30', subjectKind: 'award', subjectId: 'a1', dueOn: '2026-05-01' }, 'award-renewal-30:award:a1:2026-05-01'],
    [{ kind: 'supervision-due', subjectKind: 'person', subjectId: 'p1', dueOn: '2026-05-11' }, 'supervision-due:person:p1:2026-05-11'],
  ] as const)('%j is %s', (identity, key) => {
    expect(reminderKey(identity)).toBe(key);
  });
});
