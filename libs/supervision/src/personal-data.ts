import { ID_KEPT, type PersonalDataDeclaration } from '@npa/platform';

/** Who led, recorded and attended supervision sessions (collected by @npa/privacy). */
export const SUPERVISION_PERSONAL_DATA: PersonalDataDeclaration = {
  personal: [
    { table: 'supervision_sessions', column: 'supervisor_id', find: 'person', retention: ID_KEPT },
    { table: 'supervision_sessions', column: 'recorded_by', find: 'user', retention: ID_KEPT },
    { table: 'supervision_participants', column: 'practitioner_id', find: 'person', retention: ID_KEPT },
  ],
};
