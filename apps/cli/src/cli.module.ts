import { Module } from '@nestjs/common';
import { ComplianceModule } from '@npa/compliance';
import { DatabaseModule } from '@npa/database';
import { LetterKindsModule } from '@npa/letters';
import { PlatformModule, UsersService } from '@npa/platform';
import { PrivacyModule } from '@npa/privacy';
import { ImportsModule } from '@npa/imports';
import { TrainingModule } from '@npa/training';
import { LETTER_KIND_DECLARATIONS } from '../../letter-kinds';

@Module({
  imports: [
    PlatformModule,
    DatabaseModule,
    LetterKindsModule.register(LETTER_KIND_DECLARATIONS),
    ComplianceModule,
    ImportsModule,
    PrivacyModule,
    TrainingModule,
  ],
  providers: [UsersService],
})
export class CliModule {}
