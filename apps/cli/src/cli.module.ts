import { Module } from '@nestjs/common';
import { ComplianceModule } from '@npa/compliance/compliance.module';
import { DatabaseModule } from '@npa/database';
import { PlatformModule } from '@npa/platform';
import { PrivacyModule } from '@npa/privacy/privacy.module';
import { UsersService } from '@npa/platform/users/users.service';
import { ImportsModule } from '@npa/registry/imports/imports.module';

@Module({
  imports: [PlatformModule, DatabaseModule, ComplianceModule, ImportsModule, PrivacyModule],
  providers: [UsersService],
})
export class CliModule {}
