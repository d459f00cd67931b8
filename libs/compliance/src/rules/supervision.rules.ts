import { addDays, daysBetween, maxDate, type IsoDate } from '@npa/platform';
import type { ServiceFacts, SupervisionFact } from './facts';
import type { RuleParams } from './params';
import { ruleResult, type RuleMeta, type RuleResult } from './result';
import { activePractitioners, compareText, personRef } from './team';
import { count, listOf, sentences } from './wording';

export const SR_SUPERVISION: RuleMeta = {
  id: 'SR-SUPERVISION',
  level: 'essential',
  title: 'Regular supervision, at least fortnightly, for every practitioner',
};

export interface SupervisionGap {
  days: number;
  from: IsoDate;
  to: IsoDate;
}

export interface SupervisionHistory {
  /** S: where the look-back starts; the later of (asOf - lookback) and the start date. */
  lookbackFrom: IsoDate;
  /** The dates the gaps are measured between, in order, ending with asOf. */
  points: IsoDate[];
  /** The first of the largest gaps between consecutive points. */
  largestGap: SupervisionGap;
  lastSession: IsoDate | null;
}

// The sweep asks for the history of every practitioner of a thousand teams, each from the team's year of
// sessions: each team's are put in date order once, not sorted again for each practitioner.
const sorted = new WeakMap<SupervisionFact[], SupervisionFact[]>();

function inDateOrder(sessions: SupervisionFact[]): SupervisionFact[] {
  let inOrder = sorted.get(sessions);
  // Facts are not changed once loaded; a list that has grown since (a test adding a session) is sorted again.
  if (!inOrder || inOrder.length !== sessions.length) sorted.set(sessions, (inOrder = [...sessions].sort((a, b) => compareText(a.date, b.date))));
  return inOrder;
}

/**
 * "Fortnightly, exactly" from DOMAIN.md, for one practitioner: the points are the latest session on or
 * before S (or S itself), every session after S up to asOf, and asOf. A group session counts for each
 * practitioner in it. Exported for the supervision-due reminders, which need the same dates.
 */
export function supervisionHistory(personId: string, startDate: IsoDate, sessions: SupervisionFact[], params: RuleParams, asOf: IsoDate): SupervisionHistory {
  const lookbackFrom = maxDate(addDays(asOf, -params.supervisionLookbackDays), startDate);
  // Read latest first, up to the first session on or before S: a team's year of sessions holds a dozen
  // fortnights before the look-back, which no point needs, and the sweep asks for every practitioner's.
  const inOrder = inDateOrder(sessions);
  const after: IsoDate[] = []; // each date after S once, latest first
  let atOrBefore: IsoDate | null = null;
  for (let i = inOrder.length - 1; i >= 0; i--) {
    const { date, practitionerIds } = inOrder[i];
    if (date > asOf || date === after.at(-1) || !practitionerIds.includes(personId)) continue;
    if (date <= lookbackFrom) {
      atOrBefore = date;
      break;
    }
    after.push(date);
  }
  const lastSession = after[0] ?? atOrBefore;
  const points = [atOrBefore ?? lookbackFrom, ...after.reverse(), asOf];

  let largestGap: SupervisionGap = { days: 0, from: points[0], to: points[0] };
  for (let i = 1; i < points.length; i++) {
    const days = daysBetween(points[i - 1], points[i]);
    if (days > largestGap.days) largestGap = { days, from: points[i - 1], to: points[i] };
  }
  return { lookbackFrom, points, largestGap, lastSession };
}

export function checkSupervision(facts: ServiceFacts, params: RuleParams, asOf: IsoDate): RuleResult {
  const practitioners = activePractitioners(facts.team, asOf);
  if (practitioners.length === 0) {
    return ruleResult(SR_SUPERVISION, 'not_applicable', `No practitioners are on the team on ${asOf}.`, {
      practitioners: [],
      overdue: [],
    });
  }

  const rows = practitioners.map((p) => {
    const history = supervisionHistory(p.personId, p.startDate, facts.supervision, params, asOf);
    return {
      ...personRef(p),
      startDate: p.startDate,
      lastSession: history.lastSession,
      largestGapDays: history.largestGap.days,
      gapFrom: history.largestGap.from,
      gapTo: history.largestGap.to,
    };
  });
  const overdue = rows.filter((r) => r.largestGapDays > params.supervisionMaxGapDays);
  const decided = { maxGapDays: params.supervisionMaxGapDays, practitioners: rows, overdue: overdue.map(personRef) };

  if (overdue.length === 0) {
    const longest = Math.max(...rows.map((r) => r.largestGapDays));
    return ruleResult(
      SR_SUPERVISION,
      'pass',
      `Every practitioner has had supervision at least every ${params.supervisionMaxGapDays} days over the last ${params.supervisionLookbackDays} days (longest gap: ${count(longest, 'day')}).`,
      decided,
    );
  }
  const maxGap = params.supervisionMaxGapDays;
  const gaps = overdue.map((r) => `${r.name} (${r.largestGapDays} days, ${r.gapFrom} to ${r.gapTo})`);
  return ruleResult(
    SR_SUPERVISION,
    'fail',
    sentences(
      `${overdue.length} of ${count(rows.length, 'practitioner')} went more than ${maxGap} days without supervision: ${listOf(gaps)}.`,
      `Book supervision for ${overdue.length === 1 ? 'them' : 'each of them'} now and keep sessions no more than ${maxGap} days apart.`,
    ),
    decided,
  );
}
