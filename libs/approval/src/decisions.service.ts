import { Injectable } from '@nestjs/common';
import { conflict, invalid, Clock } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { ComplianceService, RuleParametersService } from '@npa/compliance';
import { Setting } from '@npa/registry';
import { ApplicationCriterion } from './application-criterion.entity';
import { ApplicationSteps } from './application.steps';
import { ApplicationsService } from './applications.service';
import { DecisionDto } from './approval.dto';
import { AwardsService } from './awards.service';
import { checkDecision, checkVerdicts } from './rules/decision.rules';
import { ApprovalLetters } from './approval-letters';

/**
 * A reviewer's decision on the judged criteria. In the one transaction that only one decision can win,
 * the computed criteria are evaluated from the register as that transaction reads it (and no change to
 * the register commits until it ends), the decision is checked against them, and the application, every
 * criterion's outcome and (on approval) the award are written.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly steps: ApplicationSteps,
    private readonly compliance: ComplianceService,
    private readonly awards: AwardsService,
    private readonly letters: ApprovalLetters,
    private readonly parameters: RuleParametersService,
    private readonly clock: Clock,
  ) {}

  async decide(id: string, dto: DecisionDto, actor: Actor) {
    const incomplete = checkVerdicts(dto.criteria);
    if (incomplete.length > 0) throw invalid('The decision is not complete or contradicts itself.', incomplete);
    const today = this.clock.today();

    let awardId: string | null = null;
    await this.steps.take(id, dto.decision === 'approved' ? 'approve' : 'reject', actor, {
      set: { decidedAt: this.clock.now(), decidedBy: actor.id },
      audit: { criteria: dto.criteria },
      then: async (manager, decided) => {
        // The setting's row first, then the register: approvals for one setting queue here, one award at a time.
        await manager.findOne(Setting, { where: { id: decided.settingId }, lock: { mode: 'pessimistic_write' } });
        const { rules } = await this.compliance.settingWithin(manager, decided.settingId, today);
        const check = checkDecision(dto.decision, dto.criteria, rules);
        if (check.input.length > 0) throw invalid('The decision is not complete or contradicts itself.', check.input);
        if (check.register.length > 0)
          throw conflict(
            'APPLICATION.REGISTER_DISAGREES',
            `The register does not support this decision: ${check.register.map((p) => `${p.field} ${p.problem}`).join('; ')}`,
            check.register,
          );
        for (const verdict of check.outcomes) {
          await manager.update(ApplicationCriterion, { applicationId: id, criterionId: verdict.id }, { outcome: verdict.outcome, reason: verdict.reason });
        }
        await this.applications.keepEvaluations(manager, id, rules, today);
        if (dto.decision === 'approved') {
          const parameters = await this.parameters.current(manager);
          const award = await this.awards.grant(manager, decided.settingId, id, today);
          awardId = award.id;
          await this.letters.approved(manager, decided, award, parameters, actor);
        } else {
          await this.letters.rejected(manager, decided, check.outcomes, today, actor);
        }
      },
    });
    return { ...(await this.applications.get(id, actor)), awardId };
  }
}
