// The public door of @npa/approval: other libs, apps and tests import only what is here.
export { Application } from './application.entity';
export { ApplicationCriterion } from './application-criterion.entity';
export { ApplicationEvent } from './application-event.entity';
export { ApplicationsService } from './applications.service';
export { ApprovalModule } from './approval.module';
export { Award } from './award.entity';
export { awardOn, type AwardPeriod, awardStatus, renewalOf } from './rules/award.rules';
export { AwardsService, type ExpiringAward } from './awards.service';
export { CRITERIA } from './rules/criteria';
export { DecisionDto, MessageDto, OptionalMessageDto, QueueQuery, RecommendationDto, StatementDto } from './approval.dto';
export { DecisionsService } from './decisions.service';
export { Evidence } from './evidence.entity';
export { EvidenceService } from './evidence/evidence.service';
export { generateApprovals } from './demo/approval-generator';
export { isOpen, rolesFor } from './rules/machine';
export { readUpload } from './evidence/upload';
export { ReviewQueueService } from './review-queue.service';
export { type ApplicationView } from './approval.views';
