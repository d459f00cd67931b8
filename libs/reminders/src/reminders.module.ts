import { Module } from '@nestjs/common';
import { ApprovalModule } from '../../approval/src/approval.module';
import { ComplianceModule } from '../../compliance/src/compliance.module';
import { LettersModule } from '../../letters/src/letters.module';
import { ReminderRecipients } from './finders/recipients';
import { ReminderFinder } from './finders/reminder.finder';
import { ReturnReminderFinder } from './finders/return-reminders';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';
import { SweepService } from './sweep.service';

/** Reminders: the daily sweep that finds them, their finders, and their states for people to see. */
@Module({
  imports: [ComplianceModule, ApprovalModule, LettersModule],
  controllers: [RemindersController],
  providers: [ReminderRecipients, ReminderFinder, ReturnReminderFinder, SweepService, RemindersService],
  exports: [ReminderFinder, SweepService, RemindersService],
})
export class RemindersModule {}
