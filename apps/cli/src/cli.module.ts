import { Module } from '@nestjs/common';
import { ComplianceModule } from '@npa/compliance/compliance.module';
import { DatabaseModule } from '@npa/database';
import { PlatformModule } from '@npa/platform';
import { PrivacyModule } from '@npa/privacy/privacy.module';
import { UsersService } from '@npa/platform/users/users.service';
import { ImportsModule } from '@npa/registry/imports/imports.module';
import { TrainingModule } from '@npa/training/training.module';

@Module({
  imports: [PlatformModule, DatabaseModule, ComplianceModule, ImportsModule, PrivacyModule, TrainingModule],
  providers: [UsersService],
})
export class CliModule {}
