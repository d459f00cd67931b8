import { Module } from '@nestjs/common';
import { ComplianceModule } from '@npa/compliance';
import { DatabaseModule } from '@npa/database';
import { PlatformModule, UsersService } from '@npa/platform';
import { PrivacyModule } from '@npa/privacy';
import { ImportsModule } from '@npa/imports';
import { TrainingModule } from '@npa/training';

@Module({
  imports: [PlatformModule, DatabaseModule, ComplianceModule, ImportsModule, PrivacyModule, TrainingModule],
  providers: [UsersService],
})
export class CliModule {}
