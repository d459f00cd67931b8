import { ID_KEPT, type PersonalDataDeclaration } from '@npa/platform';

/** Reminders: whom they were about and to, and the facts they copied (collected by @npa/privacy). */
export const REMINDERS_PERSONAL_DATA: PersonalDataDeclaration = {
  personal: [
    { table: 'reminders', column: 'subject_id', find: 'any-id', retention: ID_KEPT },
    { table: 'reminders', column: 'recipients', find: 'mentions', retention: 'scrub' },
    { table: 'reminders', column: 'facts', find: 'mentions', retention: 'scrub' },
  ],
};
