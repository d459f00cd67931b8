import { Module } from '@nestjs/common';
import { ApprovalModule } from '../../approval/src/approval.module';
import { ComplianceModule } from '../../compliance/src/compliance.module';
import { ReminderRecipients } from './finders/recipients';
import { ReminderFinder } from './finders/reminder.finder';

/** Reminders: for now the finders the daily sweep calls; the sweep, its table and the mail come later. */
@Module({
  imports: [ComplianceModule, ApprovalModule],
  providers: [ReminderRecipients, ReminderFinder],
  exports: [ReminderFinder],
})
export class RemindersModule {}
