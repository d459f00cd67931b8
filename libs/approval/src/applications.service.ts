import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '@npa/platform';
import { isNpaStaff, conflict, invalid, notFound, Clock } from '@npa/platform';
import { ComplianceService, RuleParametersService } from '@npa/compliance';
import type { RuleResult } from '@npa/compliance';
import { Setting } from '@npa/registry';
import { Application } from './application.entity';
import { ApplicationCriterion } from './application-criterion.entity';
import { ApplicationEvent } from './application-event.entity';
import { ApplicationSteps } from './application.steps';
import { RecommendationDto } from './approval.dto';
import { ApprovalLetters } from './approval-letters';
import { AwardsService } from './awards.service';
import { Evidence } from './evidence.entity';
import { applicationKind } from './rules/award.rules';
import { CRITERIA, criterion } from './rules/criteria';
import { isOpen } from './rules/machine';
import { submissionProblems, submissionRefusal } from './rules/submission.rules';
import { type ApplicationView, toApplicationView, toEvidenceView } from './approval.views';

/** Opening applications, the setting's statements, the reviewer's recommendations, and reading it all back. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly steps: ApplicationSteps,
    private readonly compliance: ComplianceService,
    private readonly parameters: RuleParametersService,
    private readonly awards: AwardsService,
    private readonly letters: ApprovalLetters,
    private readonly clock: Clock,
  ) {}

  async open(settingId: string, actor: Actor) {
    const today = this.clock.today();
    const { params } = await this.parameters.current();
    const id = await this.dataSource.transaction(async (manager) => {
      // The setting's row lock makes two opens at once queue up; the partial unique index backs it.
      const setting = await manager.findOne(Setting, { where: { id: settingId }, lock: { mode: 'pessimistic_write' } });
      if (!setting) throw notFound('The setting');
      const open = await manager.findOne(Application, { where: { settingId, state: In(['draft', 'submitted', 'under_review', 'information_requested']) } });
      if (open)
        throw conflict(
          'APPLICATION.OPEN_EXISTS',
          `This setting already has an open application (${open.id}, ${open.state}); carry on with that one or withdraw it first.`,
        );
      const verdict = applicationKind(await this.awards.periods(settingId, manager), today, params.renewalWindowDays);
      if ('refused' in verdict) {
        throw verdict.refused === 'too_early'
          ? conflict(
              'APPLICATION.RENEWAL_TOO_EARLY',
              `The current award runs until ${verdict.award.expiresOn}; a renewal can be opened from ${verdict.opensOn}.`,
            )
          : conflict('APPLICATION.ALREADY_RENEWED', `The award has already been renewed until ${verdict.renewal.expiresOn}.`);
      }
      const application = await manager.save(
        manager.create(Application, {
          settingId,
          kind: verdict.kind,
          state: 'draft',
          renewsAwardId: 'renews' in verdict ? verdict.renews.id : null,
          createdBy: actor.id,
        }),
      );
      await manager.insert(
        ApplicationCriterion,
        CRITERIA.map((c) => ({ applicationId: application.id, criterionId: c.id })),
      );
      await this.steps.record(manager, application, 'opened', actor, null, null, { kind: application.kind, settingId });
      return application.id;
    });
    return this.get(id, actor);
  }

  async get(id: string, actor: Actor): Promise<ApplicationView> {
    const application = await this.dataSource.getRepository(Application).findOne({ where: { id }, relations: { setting: true, reviewer: true } });
    if (!application) throw notFound('The application');
    const [criteria, evidence, history] = await Promise.all([
      this.dataSource.getRepository(ApplicationCriterion).findBy({ applicationId: id }),
      this.dataSource.getRepository(Evidence).find({ where: { applicationId: id }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(ApplicationEvent).find({ where: { applicationId: id }, order: { at: 'ASC', id: 'ASC' } }),
    ]);
    // An open application shows the register as it is today; a closed one as it was when it closed.
    const live = isOpen(application.state) ? (await this.compliance.setting(application.settingId)).rules : null;
    return toApplicationView({ application, criteria, evidence: evidence.map(toEvidenceView), history, live, forStaff: isNpaStaff(actor.role) });
  }

  async listForSetting(settingId: string) {
    const rows = await this.dataSource.getRepository(Application).find({ where: { settingId }, order: { createdAt: 'DESC' } });
    return rows.map((a) => ({
      id: a.id,
      settingId: a.settingId,
      kind: a.kind,
      state: a.state,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
    }));
  }

  async saveStatement(id: string, criterionId: string, statement: string, actor: Actor) {
    const judged = this.judged(criterionId);
    await this.steps.take(id, 'edit', actor, {
      as: 'statement_saved',
      audit: { criterionId: judged.id },
      then: async (manager) => {
        await manager.update(ApplicationCriterion, { applicationId: id, criterionId: judged.id }, { statement: statement.trim() });
      },
    });
    return this.get(id, actor);
  }

  async recommend(id: string, criterionId: string, dto: RecommendationDto, actor: Actor) {
    if (!criterion(criterionId)) throw notFound('The criterion');
    await this.steps.take(id, 'recommend', actor, {
      as: 'recommendation_recorded',
      audit: { criterionId, outcome: dto.outcome },
      then: async (manager) => {
        await manager.update(
          ApplicationCriterion,
          { applicationId: id, criterionId },
          { recommendation: dto.outcome, recommendationNote: dto.note?.trim() || null },
        );
      },
    });
    return this.get(id, actor);
  }

  /**
   * Submitting checks the application is complete: a statement and supporting evidence (tagged to the
   * criterion or to none) for every judged criterion, and every computed one met by the register today.
   * Otherwise 409 with every reason at once.
   */
  async submit(id: string, actor: Actor, message?: string) {
    const application = await this.find(id);
    const today = this.clock.today();
    const [{ rules }, statements, evidence] = await Promise.all([
      this.compliance.setting(application.settingId, today),
      this.dataSource.getRepository(ApplicationCriterion).findBy({ applicationId: id }),
      this.dataSource.getRepository(Evidence).findBy({ applicationId: id }),
    ]);
    const problems = submissionProblems({ statements, evidence, computed: rules });
    if (problems.length > 0) throw conflict('APPLICATION.INCOMPLETE', submissionRefusal(problems), problems);
    await this.steps.take(id, 'submit', actor, {
      message: message?.trim() || null,
      set: { submittedAt: this.clock.now() },
      then: (manager) => this.keepEvaluations(manager, id, rules, today),
    });
    return this.get(id, actor);
  }

  async startReview(id: string, actor: Actor) {
    await this.steps.take(id, 'start-review', actor, { set: { reviewerId: actor.id } });
    return this.get(id, actor);
  }

  async requestInformation(id: string, message: string, actor: Actor) {
    await this.steps.take(id, 'request-information', actor, {
      message: message.trim(),
      then: (manager, application) => this.letters.informationRequested(manager, application, message.trim(), this.clock.today(), actor),
    });
    return this.get(id, actor);
  }

  async withdraw(id: string, actor: Actor, message?: string) {
    await this.steps.take(id, 'withdraw', actor, { message: message?.trim() || null });
    return this.get(id, actor);
  }

  /** Keeps the register's results with the application, so what was submitted or decided can be read later. */
  async keepEvaluations(manager: EntityManager, id: string, rules: readonly RuleResult[], on: string): Promise<void> {
    await manager.query(
      `UPDATE application_criteria c SET evaluation = x.rule, evaluated_on = $3
         FROM jsonb_array_elements($2::jsonb) AS x(rule) WHERE c.application_id = $1 AND c.criterion_id = x.rule->>'id'`,
      [id, JSON.stringify(rules), on],
    );
  }

  async find(id: string): Promise<Application> {
    const application = await this.dataSource.getRepository(Application).findOneBy({ id });
    if (!application) throw notFound('The application');
    return application;
  }

  private judged(criterionId: string) {
    const found = criterion(criterionId);
    if (!found) throw notFound('The criterion');
    if (found.kind !== 'judged')
      throw invalid(`${found.id} is decided from the register, not from a statement.`, [
        { field: 'criterionId', problem: `must be one of the judged criteria` },
      ]);
    return found;
  }
}
