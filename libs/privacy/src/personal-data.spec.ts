import { ID_KEPT, type PersonalDataDeclaration } from '@npa/platform';
import { collectPersonalData, NOT_PERSONAL, PERSONAL_DATA } from './personal-data';

const people: PersonalDataDeclaration = { personal: [{ table: 'people', column: 'email', find: 'email', retention: 'anonymise' }] };
const letters: PersonalDataDeclaration = { personal: [{ table: 'letters', column: 'subject_id', find: 'any-id', retention: ID_KEPT }] };
const deliveries: PersonalDataDeclaration = { personal: [{ table: 'mail_deliveries', column: 'letter_id', find: { via: 'letters' }, retention: ID_KEPT }] };

describe(collectPersonalData.name, () => {
  it.each([
    ['a column two slices declare', [people, people], 'PERSONAL_DATA: people.email is declared twice'],
    [
      'a column both personal and not',
      [people, { personal: [], notPersonal: [{ table: 'people', column: 'email', why: 'x' }] }],
      'PERSONAL_DATA: people.email is declared twice',
    ],
    ['a via before its table', [deliveries, letters], 'PERSONAL_DATA: mail_deliveries.letter_id follows letters, which is not searched before it'],
  ])('refuses %s', (_case, declarations, message) => {
    expect(() => collectPersonalData(declarations)).toThrow(message);
  });

  it('puts the people and accounts first, then keeps the slices in order', () => {
    const users: PersonalDataDeclaration = { personal: [{ table: 'users', column: 'email', find: 'email', retention: 'anonymise' }] };
    expect(collectPersonalData([letters, users, deliveries, people]).personal.map((c) => c.table)).toEqual(['users', 'people', 'letters', 'mail_deliveries']);
  });

  it('keeps the slices in order', () => {
    expect(collectPersonalData([people, letters, deliveries]).personal.map((c) => c.table)).toEqual(['people', 'letters', 'mail_deliveries']);
  });

  it('collects every slice: the register, accounts, letters and the audit log', () => {
    for (const table of ['people', 'users', 'reminders', 'letters', 'annual_returns', 'workshops', 'audit_log'])
      expect(PERSONAL_DATA.some((c) => c.table === table)).toBe(true);
    expect(NOT_PERSONAL.some((c) => c.table === 'job_outbox')).toBe(true);
  });
});
