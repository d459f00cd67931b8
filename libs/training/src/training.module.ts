import { Module } from '@nestjs/common';
import { AttendeesService } from './attendees.service';
import { CertificatesController } from './certificates.controller';
import { OutcomesService } from './outcomes.service';
import { TrainersController } from './trainers.controller';
import { TrainersService } from './trainers.service';
import { TrainerAccounts } from './trainer-accounts';
import { TrainingScopes } from './training.scopes';
import { WorkshopsController } from './workshops.controller';
import { WorkshopsService } from './workshops.service';

/** Trainers, their accreditation, Portage Workshops, attendees, outcomes and certificates. */
@Module({
  controllers: [TrainersController, WorkshopsController, CertificatesController],
  providers: [TrainersService, WorkshopsService, AttendeesService, OutcomesService, TrainingScopes, TrainerAccounts],
  exports: [WorkshopsService, AttendeesService, OutcomesService],
})
export class TrainingModule {}
