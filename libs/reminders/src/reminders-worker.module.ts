import { Module } from '@nestjs/common';
import { LettersModule } from '@npa/letters';
import { ReminderJobs } from './reminder.jobs';
import { RemindersModule } from './reminders.module';

/** The worker's half: the scheduled daily sweep and preparing each due reminder's letter. */
@Module({
  imports: [RemindersModule, LettersModule],
  providers: [ReminderJobs],
})
export class RemindersWorkerModule {}
