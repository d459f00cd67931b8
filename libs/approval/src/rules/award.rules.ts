// Awards as periods of dates, and the state of a setting's award on any date, derived from its awards
// and the register as they stood then. Nothing here reads a clock or a database.
import { addDays, addMonths, type IsoDate } from '@npa/platform';
import type { SettingFacts, RuleParams, RuleResult } from '@npa/compliance';
import { checkSettingMember, checkSettingTrained } from '@npa/compliance';

export interface AwardPeriod {
  id: string;
  /** The day the reviewer approved it. */
  awardedOn: IsoDate;
  startsOn: IsoDate;
  expiresOn: IsoDate;
}

export type AwardState = 'active' | 'at_risk' | 'expired' | 'none';

export interface AwardStatus {
  asOf: IsoDate;
  state: AwardState;
  awardId: string | null;
  awardedOn: IsoDate | null;
  startsOn: IsoDate | null;
  expiresOn: IsoDate | null;
  /** An approved renewal that starts when this award ends. */
  renewal: Omit<AwardPeriod, 'id'> | null;
  /** While at risk: since when, what fails, and the day by which it must be put right. */
  atRisk: { since: IsoDate; mustPutRightBy: IsoDate; overdue: boolean; failing: Pick<RuleResult, 'id' | 'explanation'>[] } | null;
}

/**
 * A new award lasts a year: from the decision day, or, for a renewal approved before the current award
 * ends, from the day after it ends, so the setting loses no days.
 */
export function awardPeriodFor(decidedOn: IsoDate, current: AwardPeriod | null): { startsOn: IsoDate; expiresOn: IsoDate } {
  const startsOn = current && current.expiresOn >= decidedOn ? addDays(current.expiresOn, 1) : decidedOn;
  return { startsOn, expiresOn: addDays(addMonths(startsOn, 12), -1) };
}

/** The award in force on a date, among those already granted by then. */
export function awardOn(awards: readonly AwardPeriod[], asOf: IsoDate): AwardPeriod | null {
  return awards.find((a) => a.awardedOn <= asOf && a.startsOn <= asOf && asOf <= a.expiresOn) ?? null;
}

/**
 * "Has this award been renewed?", answered once: the award granted by asOf that starts after it ends.
 * Awards of a setting never overlap, so the renewal is the next award in time.
 */
export function renewalOf(awards: readonly AwardPeriod[], award: Pick<AwardPeriod, 'expiresOn'>, asOf: IsoDate): AwardPeriod | null {
  return awards.find((a) => a.awardedOn <= asOf && a.startsOn > award.expiresOn) ?? null;
}

export type ApplicationKindVerdict =
  | { kind: 'new' }
  | { kind: 'renewal'; renews: AwardPeriod }
  | { refused: 'too_early'; opensOn: IsoDate; award: AwardPeriod }
  | { refused: 'already_renewed'; renewal: AwardPeriod };

/**
 * Whether an application opened today is a renewal (the current award ends within the window) or a
 * new one (no award, or it has expired); earlier than the window, or once renewed, it is refused.
 */
export function applicationKind(awards: readonly AwardPeriod[], today: IsoDate, windowDays: number): ApplicationKindVerdict {
  const renewal = awards.find((a) => a.awardedOn <= today && a.startsOn > today);
  if (renewal) return { refused: 'already_renewed', renewal };
  const current = awardOn(awards, today);
  if (!current) return { kind: 'new' };
  const opensOn = addDays(current.expiresOn, -windowDays);
  return today < opensOn ? { refused: 'too_early', opensOn, award: current } : { kind: 'renewal', renews: current };
}

const WATCHED: ((facts: SettingFacts, params: RuleParams, asOf: IsoDate) => RuleResult)[] = [checkSettingTrained, checkSettingMember];

const failingOn = (facts: SettingFacts, params: RuleParams, date: IsoDate) =>
  WATCHED.map((check) => check(facts, params, date)).filter((r) => r.outcome === 'fail');

/**
 * The days after `from`, up to `to`, on which the watched criteria can change, latest first: staff
 * joining or leaving, memberships starting or ending, completions. Only an end inside the stretch is
 * turned into its next day: a setting's people bring years of memberships, and the sweep walks back for
 * every award at risk (README, Benchmarks).
 */
function changeDays(facts: SettingFacts, from: IsoDate, to: IsoDate): IsoDate[] {
  const days = new Set<IsoDate>();
  const inStretch = (day: IsoDate) => {
    if (day > from && day <= to) days.add(day);
  };
  for (const rows of [facts.staff, facts.memberships])
    for (const p of rows) {
      inStretch(p.startDate);
      // The day after an end is in the stretch when the end is on or after `from` and before `to`.
      if (p.endDate && p.endDate >= from && p.endDate < to) inStretch(addDays(p.endDate, 1));
    }
  for (const c of facts.completions) inStretch(c.workshopEndDate);
  return [...days].sort().reverse();
}

/**
 * The award's state on `asOf`. While an award runs the setting must keep SA-TRAINED and SA-MEMBER: if
 * either fails, the award is at risk from the first day of the unbroken run of failing days, and must be
 * put right within `awardAtRiskDays` of it. The facts must be loaded as of `asOf` or later.
 */
export function awardStatus(awards: readonly AwardPeriod[], facts: SettingFacts, params: RuleParams, asOf: IsoDate): AwardStatus {
  const none: AwardStatus = { asOf, state: 'none', awardId: null, awardedOn: null, startsOn: null, expiresOn: null, renewal: null, atRisk: null };
  const current = awardOn(awards, asOf);
  if (!current) {
    const last = awards.filter((a) => a.awardedOn <= asOf && a.expiresOn < asOf).sort((a, b) => (a.expiresOn < b.expiresOn ? 1 : -1))[0];
    return last ? { ...none, state: 'expired', ...period(last) } : none;
  }
  const next = renewalOf(awards, current, asOf);
  const status: AwardStatus = {
    ...none,
    state: 'active',
    ...period(current),
    renewal: next ? { awardedOn: next.awardedOn, startsOn: next.startsOn, expiresOn: next.expiresOn } : null,
  };
  const failing = failingOn(facts, params, asOf);
  if (failing.length === 0) return status;

  // The outcome can only change on a change day, so walk back from asOf one stretch at a time.
  const starts = changeDays(facts, current.startsOn, asOf);
  let since = current.startsOn;
  for (const day of starts) {
    if (failingOn(facts, params, addDays(day, -1)).length === 0) {
      since = day;
      break;
    }
  }
  const mustPutRightBy = addDays(since, params.awardAtRiskDays);
  return {
    ...status,
    state: 'at_risk',
    atRisk: { since, mustPutRightBy, overdue: asOf > mustPutRightBy, failing: failing.map((r) => ({ id: r.id, explanation: r.explanation })) },
  };
}

const period = (a: AwardPeriod) => ({ awardId: a.id, awardedOn: a.awardedOn, startsOn: a.startsOn, expiresOn: a.expiresOn });
