import { Injectable, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { reminderKey } from '../finders/due-reminder';
import { DEFAULT_REMINDER_OFFSETS } from '../finders/reminder-offsets';
import { REMINDER_KIND_PROVIDERS } from '../reminders.module';
import { ReminderKinds, type ReminderKindSource } from './reminder-kind';
import { indexKinds, ReminderKindRegistry } from './reminder-kind.registry';

// The kinds' names, recipients and titles need none of their providers' dependencies.
const sources = REMINDER_KIND_PROVIDERS.map((Kind) => ({ name: Kind.name, source: new (Kind as unknown as new () => ReminderKindSource)() }));
const byKind = indexKinds(sources);
const REMINDER_KINDS = sources.flatMap(({ source }) => source.kinds);

describe('REMINDER_KINDS', () => {
  it('names each kind once, each with at least one recipient group and a title', () => {
    expect(new Set(REMINDER_KINDS.map((k) => k.kind)).size).toBe(REMINDER_KINDS.length);
    for (const k of REMINDER_KINDS) {
      expect(k.to.length).toBeGreaterThan(0);
      expect(k.title).not.toBe('');
    }
  });

  it.each(Object.keys(DEFAULT_REMINDER_OFFSETS.renewalDaysBefore))('has an offset for %s that matches its name', (kind) => {
    expect(byKind.has(kind)).toBe(true);
    expect(`award-renewal-${DEFAULT_REMINDER_OFFSETS.renewalDaysBefore[kind as 'award-renewal-30']}`).toBe(kind);
  });
});

describe(indexKinds.name, () => {
  const kind = (name: string, source: Partial<ReminderKindSource>) => ({ name, source });
  const complete = (kinds: ReminderKindSource['kinds']): Partial<ReminderKindSource> => ({
    kinds,
    find: () => Promise.resolve([]),
    stillDue: () => Promise.resolve({ due: true }),
    letter: () => ({ about: 'x', whatToDo: 'y' }),
  });
  const a = { kind: 'a', to: ['npa_reviewers'], title: 'A' } as const;

  it.each([
    ['a kind declared twice', [kind('One', complete([a])), kind('Two', complete([a]))], 'Reminder kind a is declared twice (again in Two)'],
    ['a kind with no finder', [kind('One', { ...complete([a]), find: undefined })], 'Reminder kinds in One need a finder, a re-check and a letter'],
    ['a source with no kind', [kind('One', complete([]))], 'One is marked @ReminderKinds() but declares no kind'],
    ['a kind sent to nobody', [kind('One', complete([{ ...a, to: [] }]))], 'Reminder kind a needs a title and at least one recipient group'],
  ])('refuses %s', (_case, given, message) => {
    expect(() => indexKinds(given)).toThrow(message);
  });

  it('indexes every kind of every source', () => {
    const b = complete([
      { ...a, kind: 'b' },
      { ...a, kind: 'c' },
    ]);
    expect([...indexKinds([kind('One', complete([a])), kind('Two', b)]).keys()]).toEqual(['a', 'b', 'c']);
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

describe(ReminderKindRegistry.name, () => {
  @Injectable()
  @ReminderKinds()
  class Renewals {
    readonly kinds = [{ kind: 'award-renewal-30', to: ['setting_contacts'], title: 'Renew' }] as const;
    find = () => Promise.resolve([]);
    stillDue = () => Promise.resolve({ due: true as const });
    letter = () => ({ about: 'x', whatToDo: 'y' });
  }

  @Injectable()
  @ReminderKinds()
  class RenewalsAgain extends Renewals {}

  @Injectable()
  @ReminderKinds()
  class NoFinder {
    readonly kinds = [{ kind: 'no-finder', to: ['npa_reviewers'], title: 'Lost' }] as const;
  }

  const boot = async (...providers: Type[]) => {
    const moduleRef = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [ReminderKindRegistry, ...providers] }).compile();
    await moduleRef.init();
    return moduleRef;
  };

  it('finds the kinds of every marked provider at boot', async () => {
    const moduleRef = await boot(Renewals);
    expect(
      moduleRef
        .get(ReminderKindRegistry)
        .kinds()
        .map((k) => k.kind),
    ).toEqual(['award-renewal-30']);
    await moduleRef.close();
  });

  it.each([
    ['a kind declared twice', [Renewals, RenewalsAgain], 'Reminder kind award-renewal-30 is declared twice (again in RenewalsAgain)'],
    ['a kind with no finder', [NoFinder], 'Reminder kinds in NoFinder need a finder, a re-check and a letter'],
  ] as const)('stops the boot on %s', async (_case, providers, message) => {
    await expect(boot(...providers)).rejects.toThrow(message);
  });
});
