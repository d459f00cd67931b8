// Awards in force that are at risk (SA-TRAINED or SA-MEMBER failing), from the day they became so.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AwardsService, awardStatus } from '@npa/approval';
import { FactsLoader } from '@npa/compliance';
import type { IsoDate } from '@npa/platform';
import { dueWithCatchUp } from '../finders/due-dates';
import type { ReminderIdentity } from '../finders/due-reminder';
import { DUE, notDue, ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource } from './reminder-kind';
import { awardRow, awardSubject, period, type AwardRow } from '../read-model/shared';
import { AWARDS_OF_SETTINGS_WITH_ONE_IN_FORCE } from '../read-model/finders.read-model';

export interface AwardAtRiskFacts {
  settingName: string;
  awardExpiresOn: IsoDate;
  atRiskSince: IsoDate;
  mustPutRightBy: IsoDate;
  failing: { id: string; explanation: string }[];
  whatToDo: string;
}

@Injectable()
@ReminderKinds()
export class AwardAtRiskKind implements ReminderKindSource<AwardAtRiskFacts> {
  readonly kinds = [{ kind: 'award-at-risk', to: ['setting_contacts', 'npa_reviewers'], title: 'The Stamp of Approval is at risk' }] as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: FactsLoader,
    private readonly awards: AwardsService,
  ) {}

  async find({ asOf, offsets, params }: FinderContext): Promise<FoundReminder<AwardAtRiskFacts>[]> {
    // Every setting's facts, not only those with an award in force: the sweep reads them all for the
    // snapshots and holds that read while it runs (FactsLoader.holding), so this is answered from it.
    const [rows, facts] = await Promise.all([this.dataSource.query<AwardRow[]>(AWARDS_OF_SETTINGS_WITH_ONE_IN_FORCE, [asOf]), this.facts.settings(null, asOf)]);
    const bySetting = Map.groupBy(rows, (a) => a.setting_id);
    return [...bySetting.entries()].flatMap(([settingId, awards]) => {
      const settingFacts = facts.get(settingId);
      if (!settingFacts) return [];
      const status = awardStatus(awards.map(period), settingFacts, params, asOf);
      const dueOn = status.atRisk && dueWithCatchUp(status.atRisk.since, asOf, offsets);
      if (!status.atRisk || !dueOn || !status.awardId) return [];
      const award = awards.find((a) => a.id === status.awardId)!;
      return [
        {
          ...awardSubject(award, 'award-at-risk', dueOn),
          facts: {
            settingName: award.setting_name,
            awardExpiresOn: award.expires_on,
            atRiskSince: status.atRisk.since,
            mustPutRightBy: status.atRisk.mustPutRightBy,
            failing: status.atRisk.failing,
            whatToDo: `${status.atRisk.failing.map((f) => f.explanation).join(' ')} Put this right by ${status.atRisk.mustPutRightBy} to keep the Stamp of Approval.`,
          },
        },
      ];
    });
  }

  /** Due on the day the time at risk began: a new time at risk is a new reminder. */
  async stillDue(r: ReminderIdentity, today: IsoDate) {
    const since = r.dueOn;
    const award = await awardRow(this.dataSource, r.subjectId);
    if (!award) return notDue('The award no longer exists.');
    const status = await this.awards.status(award.setting_id, today);
    if (status.awardId !== r.subjectId || status.state === 'expired' || status.state === 'none')
      return notDue(`The award that was at risk is no longer in force on ${today}.`);
    if (!status.atRisk) return notDue(`The award is no longer at risk: the setting meets SA-TRAINED and SA-MEMBER again on ${today}.`);
    if (status.atRisk.since !== since)
      return notDue(`The award's time at risk that began on ${since} ended; it has been at risk again since ${status.atRisk.since}.`);
    return DUE;
  }

  letter(facts: AwardAtRiskFacts) {
    return { about: facts.settingName, actBy: facts.mustPutRightBy, whatToDo: facts.whatToDo };
  }
}
