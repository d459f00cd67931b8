import { ID_KEPT, type PersonalDataDeclaration } from '@npa/platform';

/** The register's people and their posts, memberships and qualifications (collected by @npa/privacy). */
export const REGISTRY_PERSONAL_DATA: PersonalDataDeclaration = {
  personal: [
    { table: 'people', column: 'email', find: 'email', retention: 'anonymise' },
    { table: 'people', column: 'name', retention: 'anonymise' },
    { table: 'team_members', column: 'person_id', find: 'person', retention: ID_KEPT },
    { table: 'memberships', column: 'person_id', find: 'person', retention: ID_KEPT },
    { table: 'qualifications', column: 'person_id', find: 'person', retention: ID_KEPT },
    { table: 'inductions', column: 'person_id', find: 'person', retention: ID_KEPT },
    { table: 'setting_staff', column: 'person_id', find: 'person', retention: ID_KEPT },
    { table: 'inspections', column: 'proposed_by', find: 'user', retention: ID_KEPT },
    { table: 'inspections', column: 'decided_by', find: 'user', retention: ID_KEPT },
    { table: 'setting_staff_count_changes', column: 'changed_by', find: 'user', retention: ID_KEPT },
    { table: 'setting_staff_count_changes', column: 'changed_by_name', retention: 'scrub', nameOf: 'changed_by' },
  ],
  notPersonal: [
    { table: 'services', column: 'name', why: "an organisation's name" },
    { table: 'settings', column: 'name', why: "an organisation's name" },
  ],
};
