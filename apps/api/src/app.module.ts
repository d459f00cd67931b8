import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ApprovalModule } from '@npa/approval/approval.module';
import { ComplianceModule } from '@npa/compliance/compliance.module';
import { DatabaseModule } from '@npa/database';
import { LettersModule } from '@npa/letters/letters.module';
import { PlatformModule } from '@npa/platform';
import { AuditController } from '@npa/platform/audit/audit.controller';
import { AuthModule } from '@npa/platform/auth/auth.module';
import { HealthController } from '@npa/platform/health/health.controller';
import { SystemController } from '@npa/platform/system/system.controller';
import { ImportsModule } from '@npa/registry/imports/imports.module';
import { RegistryModule } from '@npa/registry/registry.module';
import { RemindersModule } from '@npa/reminders/reminders.module';
import { ReturnsModule } from '@npa/returns/returns.module';
import { SupervisionModule } from '@npa/supervision/supervision.module';
import { TrainingModule } from '@npa/training/training.module';
import { WebModule } from '@npa/web/web.module';

@Module({
  imports: [
    PlatformModule,
    DatabaseModule,
    AuthModule,
    TerminusModule.forRoot({ logger: false }),
    RegistryModule,
    TrainingModule,
    SupervisionModule,
    ImportsModule,
    ComplianceModule,
    ApprovalModule,
    LettersModule,
    RemindersModule,
    ReturnsModule,
    WebModule,
  ],
  controllers: [HealthController, AuditController, SystemController],
})
export class AppModule {}
