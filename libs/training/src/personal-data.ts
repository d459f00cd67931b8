import { ID_KEPT, type PersonalDataDeclaration } from '@npa/platform';

/** Trainers, their workshops, attendees and outcomes (collected by @npa/privacy). */
export const TRAINING_PERSONAL_DATA: PersonalDataDeclaration = {
  personal: [
    { table: 'trainers', column: 'person_id', find: 'person', retention: ID_KEPT },
    { table: 'trainers', column: 'user_id', find: 'user', retention: ID_KEPT },
    { table: 'trainer_accreditations', column: 'trainer_id', find: 'trainer', retention: ID_KEPT },
    { table: 'workshops', column: 'trainer_id', find: 'trainer', retention: ID_KEPT },
    { table: 'workshop_attendees', column: 'person_id', find: 'person', retention: ID_KEPT },
    { table: 'workshop_outcomes', column: 'person_id', find: 'person', retention: ID_KEPT },
    { table: 'workshop_outcomes', column: 'recorded_by', find: 'user', retention: ID_KEPT },
    { table: 'workshops', column: 'confirmed_by', find: 'user', retention: ID_KEPT },
  ],
};
