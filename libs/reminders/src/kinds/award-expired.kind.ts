// The day after an award expires (or within the catch-up window), when no award is in force. The NPA
// answers this event with one communication, its signed lapse notice (a PDF emailed to the setting's
// contacts with NPA reviewers copied), not a reminder email: the reminder row stays, for its once-only
// key, its re-check before sending and its place in the setting's reminders, and its letter is the notice.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AwardsService, awardOn } from '@npa/approval';
import type { IsoDate } from '@npa/platform';
import { expiredDue } from '../finders/due-dates';
import type { ReminderIdentity } from '../finders/due-reminder';
import { DUE, notDue, ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource, type SignedNotice } from './reminder-kind';
import { lapsedOn, lapseNotice } from './lapse-notice';
import { awardRow, awardSubject, type AwardRow } from '../read-model/shared';
import { EXPIRED_AWARDS } from '../read-model/finders.read-model';

export interface AwardExpiredFacts {
  settingName: string;
  /** Absent from reminders found before the lapse notice replaced the email. */
  ofstedUrn?: string;
  awardedOn?: IsoDate;
  awardStartsOn: IsoDate;
  awardExpiresOn: IsoDate;
  whatToDo: string;
}

@Injectable()
@ReminderKinds()
export class AwardExpiredKind implements ReminderKindSource<AwardExpiredFacts> {
  readonly kinds = [
    { kind: 'award-expired', to: ['setting_contacts', 'npa_reviewers'], copy: ['npa_reviewers'], title: 'The Stamp of Approval has lapsed' },
  ] as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly awards: AwardsService,
  ) {}

  async find({ asOf, offsets }: FinderContext): Promise<FoundReminder<AwardExpiredFacts>[]> {
    const rows = await this.dataSource.query<(AwardRow & { ofsted_urn: string })[]>(EXPIRED_AWARDS, [asOf, offsets.expiredDaysAfter, offsets.catchUpDays]);
    return rows.flatMap((a) => {
      const dueOn = expiredDue({ expiresOn: a.expires_on }, asOf, offsets);
      if (!dueOn) return [];
      return [
        {
          ...awardSubject(a, 'award-expired', dueOn),
          facts: {
            settingName: a.setting_name,
            ofstedUrn: a.ofsted_urn,
            awardedOn: a.awarded_on,
            awardStartsOn: a.starts_on,
            awardExpiresOn: a.expires_on,
            whatToDo: `The Stamp of Approval ended on ${a.expires_on} and the setting is no longer on the public register of approved settings. Apply for a new Stamp of Approval to be listed again.`,
          },
        },
      ];
    });
  }

  async stillDue(r: ReminderIdentity, today: IsoDate) {
    const award = await awardRow(this.dataSource, r.subjectId);
    if (!award) return notDue('The award no longer exists.');
    const current = awardOn(await this.awards.periods(award.setting_id), today);
    if (current)
      return notDue(`A Stamp of Approval awarded on ${current.awardedOn} covers ${today}: it runs from ${current.startsOn} until ${current.expiresOn}.`);
    return DUE;
  }

  /** No date to act by: the award has already ended. */
  letter(facts: AwardExpiredFacts) {
    return { about: facts.settingName, whatToDo: facts.whatToDo };
  }

  notice(facts: AwardExpiredFacts, { dueOn }: { dueOn: IsoDate }): SignedNotice {
    return { kind: 'lapse-notice', data: lapseNotice(facts, lapsedOn(facts.awardExpiresOn, dueOn)) };
  }
}
