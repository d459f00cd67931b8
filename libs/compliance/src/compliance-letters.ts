import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, addDays, notFound } from '@npa/platform';
import type { Actor } from '@npa/platform';
import type { ComplianceRuleLine } from './compliance-letter-kinds';
import { LettersService, Recipients } from '@npa/letters';
import { serviceLine } from '@npa/registry';
import { ComplianceService, type Evaluation } from './compliance.service';
import { SERVICE_RULES } from './rules/evaluate';
import { RuleParametersService } from './rule-parameters.service';

/** What the Code asks a service to do about each rule it does not meet. */
const ACTIONS: Record<string, string> = {
  'SR-MEMBERSHIP': 'Make sure at least three of the team (half of a small team) hold current NPA professional membership.',
  'SR-WORKSHOP': 'Book each untrained practitioner onto a Portage Workshop with an NPA-Accredited Trainer and record the completion.',
  'SR-SUPERVISION': 'Hold supervision with every practitioner at least every 14 days and record each session in the supervision log.',
  'SR-SUPERVISOR-TRAINED': 'Make sure every supervisor has completed a Portage Workshop with an NPA-Accredited Trainer.',
  'SR-INDUCTION': 'Complete the NPA induction checklist with each new practitioner and record the date.',
  'SR-CASELOAD': 'Review caseloads against hours worked: at most 17 families for a full-time practitioner.',
  'SR-ACCREDITED-TRAINER': 'Consider supporting a member of the team towards NPA trainer accreditation.',
  'SR-LEVEL3': 'Consider the Level 3 Award in Portage Skills for members of the team.',
  'SR-NETWORKING': 'Attend a regional networking day, a regional meeting or the NPA Development Day.',
};

/**
 * The rules of an evaluation as the registration compliance letter lists them, with what to do and by
 * when: an essential rule not met is to be put right within putRightDays of the evaluation.
 */
export function complianceLines(evaluation: Pick<Evaluation, 'asOf' | 'rules'>, putRightDays: number): ComplianceRuleLine[] {
  return evaluation.rules.map((r) => ({
    id: r.id,
    title: SERVICE_RULES.find((m) => m.id === r.id)?.title ?? r.id,
    level: r.level,
    outcome: r.outcome,
    explanation: r.explanation,
    ...(r.outcome === 'fail' ? { action: ACTIONS[r.id], ...(r.level === 'essential' ? { actBy: addDays(evaluation.asOf, putRightDays) } : {}) } : {}),
  }));
}

/** Registration compliance letters: on a change of status found by the sweep, and on demand by NPA staff. */
@Injectable()
export class ComplianceLetters {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compliance: ComplianceService,
    private readonly letters: LettersService,
    private readonly recipients: Recipients,
    private readonly audit: AuditService,
    private readonly parameters: RuleParametersService,
  ) {}

  /** Given to snapshotAll: a service whose status changed gets a letter saying where it stands now. */
  readonly onStatusChange = (manager: EntityManager, evaluation: Evaluation & { serviceId: string }) =>
    this.request(manager, evaluation, { dedupeKey: `registration-compliance.${evaluation.serviceId}.${evaluation.asOf}.${evaluation.status}` });

  /** A member of NPA staff asks for the letter as the service stands today. */
  async onDemand(serviceId: string, actor: Actor) {
    const evaluation = await this.compliance.service(serviceId);
    const letterId = await this.dataSource.transaction(async (manager) => {
      const id = await this.request(manager, evaluation, { dedupeKey: `registration-compliance.${serviceId}.${randomUUID()}`, createdBy: actor.id });
      await this.audit.record(
        {
          actor,
          action: 'letter.requested',
          entity: 'service',
          entityId: serviceId,
          after: { letterId: id, kind: 'registration-compliance', asOf: evaluation.asOf },
        },
        manager,
      );
      return id;
    });
    return { letterId, kind: 'registration-compliance', asOf: evaluation.asOf, status: evaluation.status };
  }

  async request(
    manager: EntityManager,
    evaluation: Evaluation & { serviceId: string },
    reason: { dedupeKey: string; createdBy?: string | null },
  ): Promise<string> {
    const service = await serviceLine(manager, evaluation.serviceId);
    if (!service) throw notFound('The service');
    const recipients = await this.recipients.serviceManagers(service.id, manager);
    // The period to put right comes from the same parameters as the thresholds the service was judged by.
    const { params } = await this.parameters.at(evaluation.parameterVersion);
    return this.letters.request(manager, {
      kind: 'registration-compliance',
      subjectKind: 'service',
      subjectId: service.id,
      subjectName: service.name,
      dedupeKey: reason.dedupeKey,
      letterDate: evaluation.asOf,
      data: {
        service: { name: service.name, registrationNumber: service.registrationNumber },
        asOf: evaluation.asOf,
        status: evaluation.status,
        parameterVersion: evaluation.parameterVersion,
        rules: complianceLines(evaluation, params.putRightDays),
      },
      addressee: { name: recipients[0]?.name ?? 'The service manager', organisation: service.name, addressLines: [service.localAuthority] },
      recipients,
      parameterVersion: evaluation.parameterVersion,
      createdBy: reason.createdBy ?? null,
    });
  }
}
