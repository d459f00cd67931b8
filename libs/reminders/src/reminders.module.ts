import { Module } from '@nestjs/common';
import { ApprovalModule } from '@npa/approval';
import { ComplianceModule } from '@npa/compliance';
import { LettersModule } from '@npa/letters';
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
