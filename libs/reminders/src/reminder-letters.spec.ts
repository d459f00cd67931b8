import type { ReminderKindSource } from './kinds/reminder-kind';
import { indexKinds } from './kinds/reminder-kind.registry';
import { reminderLetter } from './reminder-letters';
import type { Reminder } from './reminder.entity';
import { REMINDER_KIND_PROVIDERS } from './reminders.module';

// The kinds' letters read only their facts: no provider dependency is needed.
const byKind = indexKinds(REMINDER_KIND_PROVIDERS.map((K) => ({ name: K.name, source: new (K as unknown as new () => ReminderKindSource)() })));
const kinds = {
  source: (kind: string) => byKind.get(kind)!,
  info: (kind: string) => byKind.get(kind)!.kinds.find((k) => k.kind === kind)!,
};

const reminder = (kind: string, facts: Record<string, unknown>, organisation: Pick<Reminder, 'organisationKind' | 'organisationId'>) =>
  ({
    id: 'r1',
    kind,
    subjectKind: 'x',
    subjectId: 'subject-1',
    dueOn: '2026-05-01',
    ...organisation,
    recipients: [{ email: 'to@example.org', name: 'To Someone' }],
    facts,
  }) as Reminder;

const SETTING = { organisationKind: 'setting', organisationId: 'setting-1' } as const;
const SERVICE = { organisationKind: 'service', organisationId: 'service-1' } as const;
const NOWHERE = { organisationKind: null, organisationId: null } as const;

describe(reminderLetter.name, () => {
  it.each([
    [
      'award-renewal-30',
      { settingName: 'Acorns', awardStartsOn: '2025-06-01', awardExpiresOn: '2026-05-31', daysLeft: 30, whatToDo: 'Renew.' },
      SETTING,
      { subjectId: 'setting-1', about: 'Acorns', actBy: '2026-05-31', paragraphs: ['Renew.'] },
    ],
    // An act-by date already past would read as a mistake.
    [
      'award-expired',
      { settingName: 'Acorns', awardStartsOn: '2025-05-01', awardExpiresOn: '2026-04-30', whatToDo: 'Apply again.' },
      SETTING,
      { subjectId: 'setting-1', about: 'Acorns', actBy: undefined, paragraphs: ['Apply again.'] },
    ],
    [
      'award-at-risk',
      { settingName: 'Acorns', awardExpiresOn: '2026-12-31', atRiskSince: '2026-04-01', mustPutRightBy: '2026-06-30', failing: [], whatToDo: 'Fix.' },
      SETTING,
      { subjectId: 'setting-1', about: 'Acorns', actBy: '2026-06-30', paragraphs: ['Fix.'] },
    ],
    [
      'membership-expiring',
      { memberName: 'Sam', personId: 'person-1', membershipNumber: 'M1', membershipEndsOn: '2026-05-31', services: [], whatToDo: 'Renew it.' },
      NOWHERE,
      { subjectId: 'person-1', about: 'Sam', actBy: '2026-05-31', paragraphs: ['Renew it.'] },
    ],
    [
      'supervision-overdue',
      { practitionerName: 'Kit', startDate: '2026-01-01', lastSession: null, supervisorName: null, services: [], daysSince: 15, whatToDo: 'Meet.' },
      SERVICE,
      { subjectId: 'service-1', about: 'Kit', actBy: undefined, paragraphs: ['Meet.'] },
    ],
    [
      'information-requested-no-answer',
      { settingName: 'Acorns', requestedOn: '2026-04-17', request: 'Send the rota.', whatToDo: 'Answer.' },
      SETTING,
      { subjectId: 'setting-1', about: 'Acorns', actBy: undefined, paragraphs: ['The reviewer asked: “Send the rota.”', 'Answer.'] },
    ],
    [
      'return-due-soon',
      { serviceName: 'Portage North', year: '2025/26', returnDueOn: '2026-06-30', whatToDo: 'File it.' },
      SERVICE,
      { subjectId: 'service-1', about: 'Portage North', actBy: '2026-06-30', paragraphs: ['File it.'] },
    ],
    [
      'return-overdue',
      { serviceName: 'Portage North', year: '2025/26', returnDueOn: '2026-06-30', whatToDo: 'File it now.' },
      SERVICE,
      { subjectId: 'service-1', about: 'Portage North', actBy: undefined, paragraphs: ['File it now.'] },
    ],
  ] as const)('writes %s from its own facts', (kind, facts, organisation, expected) => {
    const letter = reminderLetter(reminder(kind, facts, organisation), '2026-05-01', kinds);
    expect({ subjectId: letter.subjectId, about: letter.data.about, actBy: letter.data.actBy, paragraphs: letter.data.paragraphs }).toEqual(expected);
    expect(letter.subjectName).toBe(expected.about);
    expect(letter.data.heading).toBe(kinds.info(kind).title);
  });

  it.each([
    [
      'award-renewal-90',
      { settingName: 'Acorns', awardExpiresOn: '2026-06-30', daysLeft: 60, whatToDo: 'Renew.' },
      'Your Stamp of Approval expires in 60 days: time to apply to renew',
    ],
    [
      'award-renewal-30',
      { settingName: 'Acorns', awardExpiresOn: '2026-05-22', daysLeft: 21, whatToDo: 'Renew.' },
      'Your Stamp of Approval expires in 21 days',
    ],
    [
      'membership-expiring',
      { memberName: 'Sam', personId: 'p', membershipEndsOn: '2026-06-15', daysLeft: 45, whatToDo: 'Renew it.' },
      'NPA membership expires in 45 days',
    ],
  ] as const)('heads %s with the days left under the offsets that found it', (kind, facts, heading) => {
    expect(reminderLetter(reminder(kind, facts, SETTING), '2026-05-01', kinds).data.heading).toBe(heading);
  });
});
