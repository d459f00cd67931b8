// The public door of @npa/training: other libs, apps and tests import only what is here.
export { Accreditation } from './accreditation.entity';
export { accreditationsOf, attendances, certificateStanding, standingOutcomes, trainerIdsOf, workshopDates, type WorkshopDates } from './training.queries';
export { AddAttendeeDto, WorkshopQuery } from './workshop.dto';
export { Attendee } from './attendee.entity';
export { certificateFacts, certificateJobId, queueCertificates, standingCompletionIds, type CertificateFacts } from './certificates';
export { AttendeesService } from './attendees.service';
export { canRecordOutcome, isAccreditedFor, newCertificateCode } from './training.rules';
export { Outcome, type OutcomeKind, OUTCOMES } from './outcome.entity';
export { OutcomesService } from './outcomes.service';
export { Trainer } from './trainer.entity';
export { TrainingModule } from './training.module';
export { Workshop } from './workshop.entity';
export { WorkshopsService } from './workshops.service';
export { TrainerAccounts } from './trainer-accounts';
export { WorkshopBackdateDays } from './workshop-backdate-days';
export { TRAINING_PERSONAL_DATA } from './personal-data';
export * from './training-letter-kinds';
