import { Module } from '@nestjs/common';
import { ComplianceModule } from '@npa/compliance/compliance.module';
import { DatabaseModule } from '@npa/database';
import { PlatformModule } from '@npa/platform';
import { UsersService } from '@npa/platform/users/users.service';

@Module({
  imports: [PlatformModule, DatabaseModule, ComplianceModule],
  providers: [UsersService],
})
export class CliModule {}
