import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, addDays, type IsoDate } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { RuleParametersService, type ParameterSet } from '@npa/compliance';
import type { LetterKind, LetterData } from '@npa/letters';
import { LettersService, Recipients } from '@npa/letters';
import { Setting } from '@npa/registry';
import type { Application } from './application.entity';
import type { Award } from './award.entity';
import { criterion } from './rules/criteria';
import type { CriterionVerdict } from './rules/decision.rules';

/**
 * The letters a reviewer's work produces (award letter and certificate, rejection, information request),
 * asked for in the same transaction as the step, so a step that fails sends nothing.
 */
@Injectable()
export class ApprovalLetters {
  constructor(
    private readonly letters: LettersService,
    private readonly recipients: Recipients,
    private readonly config: AppConfig,
    private readonly parameters: RuleParametersService,
  ) {}

  async approved(manager: EntityManager, application: Application, award: Award, { version, params }: ParameterSet, reviewer: Actor): Promise<void> {
    const ask = await this.asker(manager, application, reviewer, award.awardedOn, version);
    await ask('award', `award.${award.id}`, {
      setting: ask.ref,
      applicationKind: application.kind,
      awardedOn: award.awardedOn,
      expiresOn: award.expiresOn,
      renewBy: addDays(award.expiresOn, -params.renewalWindowDays),
    });
    await ask('award-certificate', `award-certificate.${award.id}`, { setting: ask.ref, awardedOn: award.startsOn, expiresOn: award.expiresOn });
  }

  async rejected(manager: EntityManager, application: Application, verdicts: readonly CriterionVerdict[], decidedOn: IsoDate, reviewer: Actor): Promise<void> {
    const ask = await this.asker(manager, application, reviewer, decidedOn);
    const criteria = verdicts.map((v) => ({ id: v.id, title: criterion(v.id)?.title ?? v.id, outcome: v.outcome, reason: v.reason.trim() }));
    await ask('rejection', `rejection.${application.id}`, { setting: ask.ref, submittedOn: submittedOn(application, decidedOn), decidedOn, criteria });
  }

  async informationRequested(manager: EntityManager, application: Application, message: string, today: IsoDate, reviewer: Actor): Promise<void> {
    const { version, params } = await this.parameters.current();
    const ask = await this.asker(manager, application, reviewer, today, version);
    await ask('information-request', `information-request.${application.id}.${application.version}`, {
      setting: ask.ref,
      submittedOn: submittedOn(application, today),
      reviewerName: reviewer.name,
      message,
      respondBy: addDays(today, params.answerWithinDays),
      replyUrl: `${this.config.PUBLIC_URL}/applications/${application.id}`,
    });
  }

  /** parameterVersion: the rule parameters whose periods the letter states, when it states any. */
  private async asker(manager: EntityManager, application: Application, reviewer: Actor, letterDate: IsoDate, parameterVersion: number | null = null) {
    const setting = await manager.findOneByOrFail(Setting, { id: application.settingId });
    const recipients = await this.recipients.settingContacts(setting.id, manager);
    const ref = { name: setting.name, ofstedUrn: setting.ofstedUrn };
    const ask = <K extends LetterKind>(kind: K, dedupeKey: string, data: LetterData<K>) =>
      this.letters.request(manager, {
        kind,
        subjectKind: 'setting',
        subjectId: setting.id,
        subjectName: setting.name,
        dedupeKey,
        letterDate,
        data,
        addressee: { name: recipients[0]?.name ?? 'The manager', organisation: setting.name, addressLines: setting.localArea ? [setting.localArea] : [] },
        recipients,
        signatory: { name: reviewer.name, role: 'Stamp of Approval reviewer' },
        parameterVersion,
        createdBy: reviewer.id,
      });
    return Object.assign(ask, { ref });
  }
}

const submittedOn = (application: Application, fallback: IsoDate): IsoDate => application.submittedAt?.toISOString().slice(0, 10) ?? fallback;
