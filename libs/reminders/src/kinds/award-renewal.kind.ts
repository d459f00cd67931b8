// Renewal reminders 90, 30 and 7 days before an award expires, while it has not been renewed.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AwardsService, renewalOf } from '@npa/approval';
import { addDays, daysBetween, type IsoDate } from '@npa/platform';
import { renewalDue } from '../finders/due-dates';
import type { ReminderIdentity, StillDue } from '../finders/due-reminder';
import { DUE, notDue, ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource } from './reminder-kind';
import { awardRows } from '../read-model/shared';

export interface AwardRenewalFacts {
  settingName: string;
  awardStartsOn: IsoDate;
  awardExpiresOn: IsoDate;
  daysLeft: number;
  whatToDo: string;
}

@Injectable()
@ReminderKinds()
export class AwardRenewalKinds implements ReminderKindSource<AwardRenewalFacts> {
  readonly kinds = [
    { kind: 'award-renewal-90', to: ['setting_contacts'], title: 'Your Stamp of Approval expires in 90 days: time to apply to renew' },
    { kind: 'award-renewal-30', to: ['setting_contacts'], title: 'Your Stamp of Approval expires in 30 days' },
    { kind: 'award-renewal-7', to: ['setting_contacts'], title: 'Your Stamp of Approval expires in 7 days' },
  ] as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly awards: AwardsService,
  ) {}

  async find({ asOf, offsets, params }: FinderContext): Promise<FoundReminder<AwardRenewalFacts>[]> {
    const longest = Math.max(...Object.values(offsets.renewalDaysBefore));
    const expiring = await this.awards.expiringUnrenewed(asOf, longest);
    return expiring.flatMap(({ settingId, settingName, award }) => {
      const due = renewalDue(award, asOf, offsets);
      if (!due) return [];
      const renewalOpensOn = addDays(award.expiresOn, -params.renewalWindowDays);
      return [
        {
          kind: due.kind,
          subjectKind: 'award' as const,
          subjectId: award.id,
          dueOn: due.dueOn,
          organisation: { kind: 'setting' as const, id: settingId },
          facts: {
            settingName,
            awardStartsOn: award.startsOn,
            awardExpiresOn: award.expiresOn,
            daysLeft: daysBetween(due.dueOn, award.expiresOn),
            whatToDo: `Open a renewal application for the Stamp of Approval and submit it before ${award.expiresOn} (renewal applications open from ${renewalOpensOn}).`,
          },
        },
      ];
    });
  }

  async stillDue(r: ReminderIdentity, today: IsoDate) {
    const [still] = await this.stillDueAll([r], today);
    return still;
  }

  /** Renewal reminders go out in numbers: their awards, and every award of their settings, in two queries. */
  async stillDueAll(reminders: readonly ReminderIdentity[], today: IsoDate): Promise<StillDue[]> {
    const awards = await awardRows(
      this.dataSource,
      reminders.map((r) => r.subjectId),
    );
    const periods = await this.awards.periodsOf([...awards.values()].map((a) => a.setting_id));
    return reminders.map((r) => {
      const award = awards.get(r.subjectId);
      if (!award) return notDue('The award no longer exists.');
      const renewal = renewalOf(periods.get(award.setting_id) ?? [], { expiresOn: award.expires_on }, today);
      if (renewal) return notDue(`The award was renewed on ${renewal.awardedOn} until ${renewal.expiresOn}.`);
      if (today > award.expires_on) return notDue(`The award expired on ${award.expires_on} before the reminder was sent.`);
      return DUE;
    });
  }

  /** The days left as found, not as the kind is named: the offsets are rule parameters an admin may change. */
  letter(facts: AwardRenewalFacts, kind: string) {
    const heading = `Your Stamp of Approval expires in ${facts.daysLeft} days${kind === 'award-renewal-90' ? ': time to apply to renew' : ''}`;
    return { about: facts.settingName, actBy: facts.awardExpiresOn, whatToDo: facts.whatToDo, heading };
  }
}
