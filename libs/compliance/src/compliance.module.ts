import { Module } from '@nestjs/common';
import { LettersModule } from '@npa/letters';
import { ComplianceController } from './compliance.controller';
import { ComplianceLetters } from './compliance-letters';
import { ComplianceService } from './compliance.service';
import { EvaluationCache } from './evaluation-cache';
import { FactsLoader } from './facts.loader';
import { RuleParametersService } from './rule-parameters.service';

/** Registration checks of services and the computed Stamp of Approval criteria of settings. */
@Module({
  imports: [LettersModule],
  controllers: [ComplianceController],
  providers: [FactsLoader, RuleParametersService, EvaluationCache, ComplianceService, ComplianceLetters],
  exports: [ComplianceService, RuleParametersService, FactsLoader, ComplianceLetters],
})
export class ComplianceModule {}
