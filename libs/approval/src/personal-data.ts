import { ID_KEPT, type PersonalDataDeclaration } from '@npa/platform';

/** Who opened, reviewed and decided applications, and what their evidence and criteria say (collected by @npa/privacy). */
export const APPROVAL_PERSONAL_DATA: PersonalDataDeclaration = {
  personal: [
    { table: 'applications', column: 'created_by', find: 'user', retention: ID_KEPT },
    { table: 'applications', column: 'reviewer_id', find: 'user', retention: ID_KEPT },
    { table: 'applications', column: 'decided_by', find: 'user', retention: ID_KEPT },
    { table: 'application_events', column: 'actor_id', find: 'user', retention: ID_KEPT },
    { table: 'application_events', column: 'actor_name', retention: 'scrub', nameOf: 'actor_id' },
    { table: 'application_criteria', column: 'evaluation', find: 'mentions', retention: 'scrub' },
    { table: 'evidence', column: 'uploaded_by', find: 'user', retention: ID_KEPT },
    // The name the uploader gave the file may name someone ("Jane Smith certificate.pdf"); its content is not read.
    { table: 'evidence', column: 'file_name', retention: 'scrub' },
  ],
};
