import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller';
import { ComplianceService } from './compliance.service';
import { FactsLoader } from './facts.loader';
import { RuleParametersService } from './rule-parameters.service';

/** Registration checks of services and the computed Stamp of Approval criteria of settings. */
@Module({
  controllers: [ComplianceController],
  providers: [FactsLoader, RuleParametersService, ComplianceService],
  exports: [ComplianceService, RuleParametersService, FactsLoader],
})
export class ComplianceModule {}
