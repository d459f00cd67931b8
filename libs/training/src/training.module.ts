import { Module } from '@nestjs/common';

/** Trainers, their accreditation, Portage Workshops, attendees, outcomes and certificates. */
@Module({})
export class TrainingModule {}
