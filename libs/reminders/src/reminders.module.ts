import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ApprovalModule } from '@npa/approval';
import { ComplianceModule } from '@npa/compliance';
import { LettersModule } from '@npa/letters';
import { ReminderRecipients } from './finders/recipients';
import { ReminderFinder } from './finders/reminder.finder';
import { AnnualReturnKinds } from './kinds/annual-return.kind';
import { AwaitingReviewKind } from './kinds/application-awaiting-review.kind';
import { AwardAtRiskKind } from './kinds/award-at-risk.kind';
import { AwardExpiredKind } from './kinds/award-expired.kind';
import { AwardRenewalKinds } from './kinds/award-renewal.kind';
import { InductionOverdueKind } from './kinds/induction-overdue.kind';
import { InformationRequestedKind } from './kinds/information-requested.kind';
import { MembershipExpiringKind } from './kinds/membership-expiring.kind';
import { ReminderKindRegistry } from './kinds/reminder-kind.registry';
import { SupervisionKinds } from './kinds/supervision.kind';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';
import { SweepService } from './sweep.service';

/** The reminder kinds, one provider each (a family of kinds found by one query counts as one). */
export const REMINDER_KIND_PROVIDERS = [
  AwardRenewalKinds,
  AwardExpiredKind,
  AwardAtRiskKind,
  MembershipExpiringKind,
  SupervisionKinds,
  InductionOverdueKind,
  AwaitingReviewKind,
  InformationRequestedKind,
  AnnualReturnKinds,
];

/** Reminders: the daily sweep that finds them, their kinds, and their states for people to see. */
@Module({
  imports: [DiscoveryModule, ComplianceModule, ApprovalModule, LettersModule],
  controllers: [RemindersController],
  providers: [...REMINDER_KIND_PROVIDERS, ReminderKindRegistry, ReminderRecipients, ReminderFinder, SweepService, RemindersService],
  exports: [ReminderFinder, ReminderKindRegistry, SweepService, RemindersService],
})
export class RemindersModule {}
