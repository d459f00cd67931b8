import { Global, Module } from '@nestjs/common';
import { LettersModule } from '@npa/letters';
import { WorkshopBackdateDays } from '@npa/training';
import { ComplianceController } from './compliance.controller';
import { ComplianceLetters } from './compliance-letters';
import { ComplianceService } from './compliance.service';
import { EvaluationCache } from './evaluation-cache';
import { FactsLoader } from './read-model/facts.read-model';
import { RuleParametersService } from './rule-parameters.service';

/**
 * The backdate limit training asks for, from the versioned rule parameters kept here. Global, so the
 * training module (a layer below) receives it without importing compliance.
 */
const workshopBackdateDays = {
  provide: WorkshopBackdateDays,
  inject: [RuleParametersService],
  useFactory: (parameters: RuleParametersService): WorkshopBackdateDays => ({
    current: async () => (await parameters.current()).params.workshopBackdateDays,
  }),
};

/** Registration checks of services and the computed Stamp of Approval criteria of settings. */
@Global()
@Module({
  imports: [LettersModule],
  controllers: [ComplianceController],
  providers: [FactsLoader, RuleParametersService, EvaluationCache, ComplianceService, ComplianceLetters, workshopBackdateDays],
  exports: [ComplianceService, RuleParametersService, FactsLoader, ComplianceLetters, WorkshopBackdateDays],
})
export class ComplianceModule {}
