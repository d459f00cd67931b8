// The Stamp of Approval criteria a computer can decide. The others (principles, assessment, reviews,
// records) are judged by an NPA reviewer from the setting's statement and evidence.
import type { IsoDate } from '@npa/platform';
import type { InspectionFact, SettingFacts } from './facts';
import type { RuleParams } from './params';
import { ruleResult, type RuleMeta, type RuleResult } from './result';
import { activePeople, compareText, membershipOn, qualificationsOn, trainingRecord } from './team';
import { count, hasHave, names, sentences } from './wording';

export const SA_OFSTED: RuleMeta = {
  id: 'SA-OFSTED',
  level: 'essential',
  title: "The setting was rated 'Good' or 'Outstanding' in its most recent Ofsted report",
};

export const SA_TRAINED: RuleMeta = {
  id: 'SA-TRAINED',
  level: 'essential',
  title: 'At least two practitioners have completed a Portage Workshop from an NPA-Accredited Trainer (one where the setting has three staff or fewer)',
};

export const SA_MEMBER: RuleMeta = {
  id: 'SA-MEMBER',
  level: 'essential',
  title: 'At least one practitioner holds professional membership of the NPA',
};

export const SA_LEVEL3: RuleMeta = {
  id: 'SA-LEVEL3',
  level: 'desirable',
  title: 'Practitioners who have passed or are working towards the Level 3 Award in Portage Skills',
};

const WORKSHOP = 'a Portage Workshop from an NPA-Accredited Trainer';

const GRADE_RANK: Record<InspectionFact['grade'], number> = {
  inadequate: 0,
  requires_improvement: 1,
  good: 2,
  outstanding: 3,
};

const GRADE_NAME: Record<InspectionFact['grade'], string> = {
  inadequate: 'Inadequate',
  requires_improvement: 'Requires improvement',
  good: 'Good',
  outstanding: 'Outstanding',
};

export function checkOfsted(facts: SettingFacts, _params: RuleParams, asOf: IsoDate): RuleResult {
  // Two grades on one date would be a data error; taking the lower one never awards by mistake.
  const latest = facts.inspections.filter((i) => i.date <= asOf).sort((a, b) => compareText(b.date, a.date) || GRADE_RANK[a.grade] - GRADE_RANK[b.grade])[0];
  if (!latest) {
    return ruleResult(
      SA_OFSTED,
      'fail',
      `No Ofsted inspection on or before ${asOf} is recorded. Add the date and grade of the setting's most recent Ofsted report.`,
      { latest: null },
    );
  }
  const decided = { latest: { date: latest.date, grade: latest.grade } };
  const rated = `The most recent Ofsted inspection, on ${latest.date}, rated the setting ${GRADE_NAME[latest.grade]}`;
  return GRADE_RANK[latest.grade] >= GRADE_RANK.good
    ? ruleResult(SA_OFSTED, 'pass', `${rated}.`, decided)
    : ruleResult(SA_OFSTED, 'fail', `${rated}; the Stamp of Approval needs Good or Outstanding.`, decided);
}

export function checkSettingTrained(facts: SettingFacts, params: RuleParams, asOf: IsoDate): RuleResult {
  const staff = activePeople(facts.staff, asOf);
  // A declared count below the register's own staff never lowers the bar: no self-certified smallness.
  const headcount = settingHeadcount(facts.staffCount, staff.length);
  const small = headcount <= params.smallSettingMaxStaff;
  const required = small ? params.smallSettingTrainedMinimum : params.settingTrainedMinimum;
  const rows = staff.map((p) => ({ p, record: trainingRecord(p.personId, asOf, facts.completions) }));
  const trained = rows.flatMap(({ p, record: { completion } }) =>
    completion ? [{ ...p, workshopEndDate: completion.workshopEndDate, trainerName: completion.trainerName }] : [],
  );
  const untrained = rows.filter(({ record }) => !record.completion).map(({ p, record }) => ({ ...p, notCounted: record.notCounted }));
  const decided = { staffCount: facts.staffCount, staffOnRegister: staff.length, headcount, small, required, trained, untrained };

  const who = trained.length ? ` (${names(trained)})` : '';
  const situation =
    `${count(trained.length, 'current member')} of staff ${hasHave(trained.length)} completed ${WORKSHOP}${who}; ` +
    `a setting of ${count(headcount, 'staff member', 'staff')}${headcountSource(facts.staffCount, staff.length)} needs at least ${required}.`;
  if (trained.length >= required) return ruleResult(SA_TRAINED, 'pass', situation, decided);
  const todo = `Book ${count(required - trained.length, 'more practitioner')} onto a Portage Workshop with an NPA-Accredited Trainer.`;
  return ruleResult(SA_TRAINED, 'fail', sentences(situation, todo), decided);
}

/** The setting's size for SA-TRAINED: the larger of the count it declares and the staff on the register that day. */
export function settingHeadcount(declared: number, onRegister: number): number {
  return Math.max(declared, onRegister);
}

function headcountSource(declared: number, onRegister: number): string {
  return onRegister > declared ? ` (${onRegister} on the register, though ${declared} declared)` : '';
}

export function checkSettingMember(facts: SettingFacts, params: RuleParams, asOf: IsoDate): RuleResult {
  const staff = activePeople(facts.staff, asOf);
  const members = staff.flatMap((p) => {
    const period = membershipOn(p.personId, asOf, facts.memberships);
    return period ? [{ ...p, membershipEnds: period.endDate }] : [];
  });
  const required = params.settingMemberMinimum;
  const decided = { required, members, nonMembers: staff.filter((p) => !members.some((m) => m.personId === p.personId)) };

  if (members.length >= required) {
    return ruleResult(SA_MEMBER, 'pass', `Current NPA professional members on the staff: ${names(members)}.`, decided);
  }
  return ruleResult(
    SA_MEMBER,
    'fail',
    sentences(
      `${count(members.length, 'current member')} of staff ${members.length === 1 ? 'holds' : 'hold'} NPA professional membership; the Code asks for at least ${required}.`,
      'A practitioner needs to join or renew NPA professional membership.',
    ),
    decided,
  );
}

export function checkSettingLevel3(facts: SettingFacts, _params: RuleParams, asOf: IsoDate): RuleResult {
  const staff = activePeople(facts.staff, asOf);
  const level3 = qualificationsOn(facts.qualifications, asOf, (q) => q.kind === 'level3');
  const qualified = staff.flatMap((p) => {
    const statuses = [...new Set(level3.filter((q) => q.personId === p.personId).map((q) => q.status))].sort(compareText);
    return statuses.length ? [{ ...p, statuses }] : [];
  });
  return qualified.length > 0
    ? ruleResult(SA_LEVEL3, 'pass', `Passed or working towards the Level 3 Award in Portage Skills: ${names(qualified)}.`, { qualified })
    : ruleResult(
        SA_LEVEL3,
        'fail',
        'No current member of staff has passed or is working towards the Level 3 Award in Portage Skills. The Code recommends it; it does not affect the award.',
        { qualified },
      );
}
