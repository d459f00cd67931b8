import { ID_KEPT, type PersonalDataDeclaration } from '@npa/platform';

/** Compliance snapshots and who changed the rule parameters (collected by @npa/privacy). */
export const COMPLIANCE_PERSONAL_DATA: PersonalDataDeclaration = {
  personal: [
    // Names in the explanations (and, in snapshots stored before migration KeepSnapshotPeople, ids and names in the facts).
    { table: 'compliance_snapshots', column: 'results', find: 'mentions', retention: 'scrub' },
    { table: 'compliance_snapshots', column: 'people', find: 'mentions', retention: ID_KEPT },
    { table: 'rule_parameter_versions', column: 'created_by', find: 'user', retention: ID_KEPT },
  ],
  notPersonal: [
    { table: 'compliance_snapshots', column: 'subject_id', why: 'a service or a setting, never a person' },
    { table: 'rule_parameter_versions', column: 'params', why: 'thresholds' },
  ],
};
