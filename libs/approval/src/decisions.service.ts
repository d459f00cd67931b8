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
import { checkDecision } from './rules/decision.rules';
import { ApprovalLetters } from './approval-letters';

/**
 * A reviewer's decision: the computed criteria are evaluated again as the register stands today, the
 * decision is checked against them, and the application, its outcomes and (on approval) the award are
 * written in one transaction that only one decision can win.
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
    const application = await this.applications.find(id);
    const today = this.clock.today();
    const [{ rules }, parameters] = await Promise.all([this.compliance.setting(application.settingId, today), this.parameters.current()]);
    const check = checkDecision(dto.decision, dto.criteria, rules);
    if (check.input.length > 0) throw invalid('The decision is not complete or contradicts itself.', check.input);
    if (check.register.length > 0) throw conflict('APPLICATION.REGISTER_DISAGREES', 'The register does not support this decision today.', check.register);

    let awardId: string | null = null;
    await this.steps.take(id, dto.decision === 'approved' ? 'approve' : 'reject', actor, {
      set: { decidedAt: this.clock.now(), decidedBy: actor.id },
      audit: { criteria: dto.criteria },
      then: async (manager, decided) => {
        for (const verdict of dto.criteria) {
          await manager.update(
            ApplicationCriterion,
            { applicationId: id, criterionId: verdict.id },
            { outcome: verdict.outcome, reason: verdict.reason.trim() },
          );
        }
        await this.applications.keepEvaluations(manager, id, rules, today);
        if (dto.decision === 'approved') {
          // One award at a time per setting: approvals for the same setting queue on its row.
          await manager.findOne(Setting, { where: { id: application.settingId }, lock: { mode: 'pessimistic_write' } });
          const award = await this.awards.grant(manager, application.settingId, id, today);
          awardId = award.id;
          await this.letters.approved(manager, decided, award, parameters, actor);
        } else {
          await this.letters.rejected(manager, decided, dto.criteria, today, actor);
        }
      },
    });
    return { ...(await this.applications.get(id, actor)), awardId };
  }
}
