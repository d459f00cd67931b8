import { Module } from '@nestjs/common';
import { ComplianceModule } from '@npa/compliance';
import { RetentionService } from './retention.service';
import { SubjectAccessService } from './subject-access.service';

/** Data protection: subject access exports and retention, over every table that holds a person. */
@Module({
  imports: [ComplianceModule],
  providers: [SubjectAccessService, RetentionService],
  exports: [SubjectAccessService, RetentionService],
})
export class PrivacyModule {}
