import { ID_KEPT, type PersonalDataDeclaration } from '@npa/platform';

/** Letters, their emails and templates; collected by @npa/privacy after the reminders a letter follows. */
export const LETTERS_PERSONAL_DATA: PersonalDataDeclaration = {
  personal: [
    { table: 'letters', column: 'subject_id', find: 'any-id', retention: ID_KEPT },
    { table: 'letters', column: 'reminder_id', find: { via: 'reminders' }, retention: ID_KEPT },
    { table: 'letters', column: 'recipients', find: 'mentions', retention: 'scrub' },
    { table: 'letters', column: 'data', find: 'mentions', retention: 'scrub' },
    { table: 'letters', column: 'subject_name', retention: 'scrub', nameOf: 'subject_id' },
    { table: 'letters', column: 'created_by', find: 'user', retention: ID_KEPT },
    { table: 'mail_deliveries', column: 'letter_id', find: { via: 'letters' }, retention: ID_KEPT },
    { table: 'mail_deliveries', column: 'recipients', find: 'mentions', retention: 'scrub' },
    { table: 'mail_deliveries', column: 'subject', retention: 'scrub' },
    { table: 'letter_templates', column: 'published_by', find: 'user', retention: ID_KEPT },
  ],
};
