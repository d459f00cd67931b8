import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ApprovalModule } from '@npa/approval';
import { ComplianceModule } from '@npa/compliance';
import { DatabaseModule } from '@npa/database';
import { LetterKindsModule, LettersModule } from '@npa/letters';
import { PlatformModule, AuditController, AuthModule, HealthController, SystemController } from '@npa/platform';
import { RegistryModule } from '@npa/registry';
import { ImportsModule } from '@npa/imports';
import { RemindersModule } from '@npa/reminders';
import { ReturnsModule } from '@npa/returns';
import { SupervisionModule } from '@npa/supervision';
import { TrainingModule } from '@npa/training';
import { WebModule } from '@npa/web';
import { LETTER_KIND_DECLARATIONS } from '../../letter-kinds';

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
    LetterKindsModule.register(LETTER_KIND_DECLARATIONS),
    LettersModule,
    RemindersModule,
    ReturnsModule,
    WebModule,
  ],
  controllers: [HealthController, AuditController, SystemController],
})
export class AppModule {}
