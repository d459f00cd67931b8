import { linkByEmail, personAccess, Post, sameName } from './person-access.rules';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const S = '00000000-0000-4000-8000-00000000000c';
const TODAY = '2026-06-15';
const team = (organisationId: string, startDate: string, endDate: string | null = null): Post => ({
  organisation: 'service',
  organisationId,
  startDate,
  endDate,
});
const staff = (organisationId: string, startDate: string, endDate: string | null = null): Post => ({
  organisation: 'setting',
  organisationId,
  startDate,
  endDate,
});
const managerOfB = { role: 'service_manager' as const, organisationId: B };

describe(personAccess.name, () => {
  it.each([
    ['NPA staff, whatever the posts', { role: 'npa_admin' as const, organisationId: null }, [], 'manage'],
    ['a reviewer too', { role: 'npa_reviewer' as const, organisationId: null }, [team(A, '2020-01-01')], 'manage'],
    ['a trainer never', { role: 'trainer' as const, organisationId: null }, [team(A, '2020-01-01')], 'none'],
    ['in our team only, today', managerOfB, [team(B, '2024-01-01')], 'manage'],
    ['in our team until today inclusive', managerOfB, [team(B, '2024-01-01', TODAY)], 'manage'],
    ['starting today', managerOfB, [team(B, TODAY)], 'manage'],
    ['a backdated one-day post gives nothing', managerOfB, [team(A, '2024-01-01'), team(B, '2020-01-01', '2020-01-01')], 'none'],
    ['a post that ended yesterday gives nothing', managerOfB, [team(B, '2024-01-01', '2026-06-14')], 'none'],
    ['a post that starts tomorrow gives nothing yet', managerOfB, [team(B, '2026-06-16')], 'none'],
    ['in our team and another service today: read only', managerOfB, [team(A, '2024-01-01'), team(B, '2026-06-01')], 'read'],
    ['in our team and a setting today: read only', managerOfB, [staff(S, '2024-01-01'), team(B, '2026-06-01')], 'read'],
    ['left another service: ours alone now', managerOfB, [team(A, '2020-01-01', '2026-05-31'), team(B, '2026-06-01')], 'manage'],
    ['two posts of ours at once', managerOfB, [team(B, '2020-01-01'), team(B, '2025-01-01')], 'manage'],
    ['a setting id is not a service', { role: 'service_manager' as const, organisationId: S }, [staff(S, '2024-01-01')], 'none'],
    ['a setting contact through its staff', { role: 'setting_contact' as const, organisationId: S }, [staff(S, '2024-01-01')], 'manage'],
    [
      'a setting contact, the person also on a team',
      { role: 'setting_contact' as const, organisationId: S },
      [staff(S, '2024-01-01'), team(A, '2025-01-01')],
      'read',
    ],
    ['no organisation on the account', { role: 'service_manager' as const, organisationId: null }, [team(B, '2024-01-01')], 'none'],
  ])('%s', (_case, viewer, posts, expected) => {
    expect(personAccess(viewer, posts, TODAY)).toBe(expected);
  });
});

describe(sameName.name, () => {
  it.each([
    ['Pat Practitioner', 'Pat Practitioner', true],
    ['Pat Practitioner', '  pat   PRACTITIONER ', true],
    ['Zoë O’Brien', 'Zoe O Brien', true],
    ['Anne-Marie Smith', 'anne marie smith', true],
    ['Pat Practitioner', 'Pat', false],
    ['Pat Practitioner', 'Someone Else', false],
    ['', '', false],
    ['Pat', '  ', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(sameName(a, b)).toBe(expected);
  });
});

describe(linkByEmail.name, () => {
  it.each([
    ['nobody has the email: someone new', null, 'Eve New', { kind: 'new' }],
    ['the email and the name match: that person', { id: A, name: 'Pat Practitioner' }, 'pat practitioner', { kind: 'existing', personId: A }],
    ['the email matches, the name does not: the office', { id: A, name: 'Pat Practitioner' }, 'Eve New', { kind: 'ask-office' }],
    ['the email matches, no name: the office', { id: A, name: 'Pat Practitioner' }, '', { kind: 'ask-office' }],
  ])('%s', (_case, existing, typed, expected) => {
    expect(linkByEmail(existing, typed)).toEqual(expected);
  });
});
