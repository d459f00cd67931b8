import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseModule } from '@npa/database';
import { PlatformModule } from '@npa/platform';
import { AuditController } from '@npa/platform/audit/audit.controller';
import { AuthModule } from '@npa/platform/auth/auth.module';
import { HealthController } from '@npa/platform/health/health.controller';
import { SystemController } from '@npa/platform/system/system.controller';

@Module({
  imports: [PlatformModule, DatabaseModule, AuthModule, TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, AuditController, SystemController],
})
export class AppModule {}
