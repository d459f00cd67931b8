// The lapse notice's content, from the facts the sweep found: plain functions, table-driven in the spec.
import type { LapseNoticeData } from '@npa/approval';
import { addDays, type IsoDate } from '@npa/platform';
import type { AwardExpiredFacts } from './award-expired.kind';

/** The first day with no award: the day after its last. A reminder found without the end date falls back on its due day. */
export const lapsedOn = (expiresOn: IsoDate | undefined, dueOn: IsoDate): IsoDate => (expiresOn ? addDays(expiresOn, 1) : dueOn);

export function lapseNotice(facts: AwardExpiredFacts, lapsed: IsoDate): LapseNoticeData {
  return {
    setting: { name: facts.settingName, ofstedUrn: facts.ofstedUrn ?? '' },
    state: 'expired',
    awardedOn: facts.awardedOn ?? facts.awardStartsOn,
    expiresOn: facts.awardExpiresOn,
    lapsedOn: lapsed,
    actions: [
      {
        id: 'SA-RENEWAL',
        title: 'An approved renewal',
        explanation: `No renewal was approved before the award ended on ${facts.awardExpiresOn}, so the setting left the public register of approved settings on ${lapsed}.`,
        action: 'Apply for a new Stamp of Approval on the NPA back-office; it is reviewed like any other application.',
      },
    ],
  };
}
