// Applications waiting for the setting 14 days after the latest request for information.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { applicationStateName } from '@npa/approval';
import { addDays, AppConfig, todayIn, type IsoDate } from '@npa/platform';
import { informationRequestedDue } from '../finders/due-dates';
import type { ReminderIdentity } from '../finders/due-reminder';
import type { ReminderOffsets } from '../finders/reminder-offsets';
import { DUE, notDue, ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource } from './reminder-kind';
import { applicationRow, applicationSubject } from '../read-model/shared';
import { INFORMATION_REQUESTED } from '../read-model/finders.read-model';

export interface InformationRequestedFacts {
  settingName: string;
  requestedOn: IsoDate;
  request: string | null;
  whatToDo: string;
}

@Injectable()
@ReminderKinds()
export class InformationRequestedKind implements ReminderKindSource<InformationRequestedFacts> {
  readonly kinds = [
    { kind: 'information-requested-no-answer', to: ['setting_contacts'], title: 'The NPA is still waiting for the information it asked for' },
  ] as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async find({ asOf, offsets }: FinderContext): Promise<FoundReminder<InformationRequestedFacts>[]> {
    const rows = await this.dataSource.query<{ id: string; setting_id: string; setting_name: string; requested_at: Date; message: string | null }[]>(
      INFORMATION_REQUESTED,
      [asOf, offsets.informationRequestedDays + offsets.catchUpDays, offsets.informationRequestedDays, this.config.TIME_ZONE],
    );
    return rows.flatMap((a) => {
      const requestedOn = todayIn(this.config.TIME_ZONE, a.requested_at);
      const dueOn = informationRequestedDue(requestedOn, asOf, offsets);
      if (!dueOn) return [];
      return [
        {
          ...applicationSubject(a, 'information-requested-no-answer', dueOn),
          facts: {
            settingName: a.setting_name,
            requestedOn,
            request: a.message,
            whatToDo: 'Answer the NPA reviewer\u2019s request for information on your Stamp of Approval application, then submit it again.',
          },
        },
      ];
    });
  }

  async stillDue(r: ReminderIdentity, _today: IsoDate, offsets: Readonly<ReminderOffsets>) {
    const a = await applicationRow(this.dataSource, r.subjectId);
    if (!a) return notDue('The application no longer exists.');
    if (a.state !== 'information_requested' || !a.requested_at) return notDue(`The setting has answered: the application is ${applicationStateName(a.state)}.`);
    const requestedOn = todayIn(this.config.TIME_ZONE, a.requested_at);
    if (addDays(requestedOn, offsets.informationRequestedDays) !== r.dueOn)
      return notDue(`The NPA asked again on ${requestedOn}; the reminder counts from then.`);
    return DUE;
  }

  letter(facts: InformationRequestedFacts) {
    return { about: facts.settingName, request: facts.request, whatToDo: facts.whatToDo };
  }
}
