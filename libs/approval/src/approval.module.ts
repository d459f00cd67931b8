import { Module } from '@nestjs/common';
import { ComplianceModule } from '@npa/compliance';
import { LettersModule } from '@npa/letters';
import { RegistryModule } from '@npa/registry';
import { ApprovalLetters } from './approval-letters';
import { ApplicationSteps } from './application.steps';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ApprovalScopes } from './approval.scopes';
import { AwardsService } from './awards.service';
import { DecisionsService } from './decisions.service';
import { EvidenceService } from './evidence/evidence.service';
import { RenewalCarryOver } from './renewal-carry-over';
import { ReviewQueueService } from './review-queue.service';
import { SettingsApprovalController } from './settings-approval.controller';

/** The Stamp of Approval: applications and their evidence, review and decisions, awards and the public register. */
@Module({
  imports: [ComplianceModule, LettersModule, RegistryModule],
  controllers: [ApplicationsController, SettingsApprovalController],
  providers: [
    ApprovalScopes,
    ApplicationSteps,
    ApprovalLetters,
    ApplicationsService,
    DecisionsService,
    EvidenceService,
    AwardsService,
    ReviewQueueService,
    RenewalCarryOver,
  ],
  exports: [ApplicationsService, AwardsService, DecisionsService, ReviewQueueService, EvidenceService],
})
export class ApprovalModule {}
