// Applications still submitted 10 working days after their latest submission, then weekly.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { applicationStateName } from '@npa/approval';
import { AppConfig, daysBetween, todayIn, type IsoDate } from '@npa/platform';
import { awaitingReviewDue, awaitingReviewDueDates } from '../finders/due-dates';
import type { ReminderIdentity, StillDue } from '../finders/due-reminder';
import type { ReminderOffsets } from '../finders/reminder-offsets';
import { DUE, notDue, ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource } from './reminder-kind';
import { applicationRows, applicationSubject } from '../read-model/shared';
import { AWAITING_REVIEW } from '../read-model/finders.read-model';

export interface AwaitingReviewFacts {
  settingName: string;
  applicationKind: string;
  submittedOn: IsoDate;
  daysWaiting: number;
  whatToDo: string;
}

@Injectable()
@ReminderKinds()
export class AwaitingReviewKind implements ReminderKindSource<AwaitingReviewFacts> {
  readonly kinds = [{ kind: 'application-awaiting-review', to: ['npa_reviewers'], title: 'A Stamp of Approval application is waiting for review' }] as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async find({ asOf, offsets }: FinderContext): Promise<FoundReminder<AwaitingReviewFacts>[]> {
    // Ten working days are never fewer than ten calendar days: the SQL narrows, due-dates.ts decides.
    const rows = await this.dataSource.query<{ id: string; setting_id: string; setting_name: string; kind: string; submitted_at: Date }[]>(AWAITING_REVIEW, [
      asOf,
      offsets.awaitingReviewWorkingDays,
      this.config.TIME_ZONE,
    ]);
    return rows.flatMap((a) => {
      const submittedOn = todayIn(this.config.TIME_ZONE, a.submitted_at);
      const dueOn = awaitingReviewDue(submittedOn, asOf, offsets);
      if (!dueOn) return [];
      return [
        {
          ...applicationSubject(a, 'application-awaiting-review', dueOn),
          facts: {
            settingName: a.setting_name,
            applicationKind: a.kind,
            submittedOn,
            daysWaiting: daysBetween(submittedOn, dueOn),
            whatToDo: `Take ${a.setting_name}'s application from the review queue and start the review; it was submitted on ${submittedOn}.`,
          },
        },
      ];
    });
  }

  async stillDue(r: ReminderIdentity, today: IsoDate, offsets: Readonly<ReminderOffsets>) {
    const [still] = await this.stillDueAll([r], today, offsets);
    return still;
  }

  /** A day's reviews waiting come in numbers: their applications are read in one query. */
  async stillDueAll(reminders: readonly ReminderIdentity[], _today: IsoDate, offsets: Readonly<ReminderOffsets>): Promise<StillDue[]> {
    const applications = await applicationRows(
      this.dataSource,
      reminders.map((r) => r.subjectId),
    );
    return reminders.map((r) => {
      const a = applications.get(r.subjectId);
      if (!a) return notDue('The application no longer exists.');
      if (a.state !== 'submitted' || !a.submitted_at) return notDue(`The application is no longer waiting for review: it is ${applicationStateName(a.state)}.`);
      const submittedOn = todayIn(this.config.TIME_ZONE, a.submitted_at);
      if (!awaitingReviewDueDates(submittedOn, offsets).includes(r.dueOn))
        return notDue(`The application was submitted again on ${submittedOn}; its reminders count from then.`);
      return DUE;
    });
  }

  letter(facts: AwaitingReviewFacts) {
    return { about: facts.settingName, whatToDo: facts.whatToDo };
  }
}
