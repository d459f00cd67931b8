import { ID_KEPT, type PersonalDataDeclaration } from '@npa/platform';

/** Annual returns are a service's counts; only who filed, corrected or closed them is about a person (collected by @npa/privacy). */
export const RETURNS_PERSONAL_DATA: PersonalDataDeclaration = {
  personal: [
    { table: 'annual_returns', column: 'filed_by', find: 'user', retention: ID_KEPT },
    { table: 'annual_returns', column: 'updated_by', find: 'user', retention: ID_KEPT },
    { table: 'annual_return_revisions', column: 'filed_by', find: 'user', retention: ID_KEPT },
    { table: 'annual_return_revisions', column: 'filed_by_name', retention: 'scrub', nameOf: 'filed_by' },
    { table: 'return_years', column: 'closed_by', find: 'user', retention: ID_KEPT },
    { table: 'snapshot_reports', column: 'created_by', find: 'user', retention: ID_KEPT },
  ],
  notPersonal: [
    { table: 'local_authorities', column: 'name', why: "a local authority's name" },
    { table: 'annual_return_revisions', column: 'figures', why: "a service's counts and costs for a year, never a person or a child" },
    { table: 'snapshot_reports', column: 'figures', why: 'national aggregate figures; the service names in it are organisations' },
  ],
};
