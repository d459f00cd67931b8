import { addMonths, type IsoDate } from '@npa/platform';
import type { ServiceFacts } from './facts';
import type { RuleParams } from './params';
import { ruleResult, type RuleMeta, type RuleResult } from './result';
import { activePractitioners, compareText, inInductionOn, inductionEnds, personRef } from './team';
import { listOf, names, sentences } from './wording';

export const SR_INDUCTION: RuleMeta = {
  id: 'SR-INDUCTION',
  level: 'essential',
  title: 'New practitioners complete an induction period with the NPA induction checklist',
};

export type InductionStatus = 'in_induction' | 'completed' | 'overdue';

export function checkInduction(facts: ServiceFacts, params: RuleParams, asOf: IsoDate): RuleResult {
  // "The last 12 months" is the window (asOf - 12 months, asOf], like every look-back window here.
  const newSince = addMonths(asOf, -params.newStarterMonths);
  const starters = activePractitioners(facts.team, asOf).filter((p) => p.startDate > newSince);
  if (starters.length === 0) {
    return ruleResult(SR_INDUCTION, 'not_applicable', `No practitioner started after ${newSince}.`, {
      newStartersAfter: newSince,
      newStarters: [],
      overdue: [],
    });
  }

  const newStarters = starters.map((p) => {
    const completedOn =
      facts.inductions
        .filter((i) => i.personId === p.personId && i.completedOn <= asOf)
        .map((i) => i.completedOn)
        .sort(compareText)[0] ?? null;
    const status: InductionStatus = completedOn ? 'completed' : inInductionOn(p.startDate, asOf, params.inductionDays) ? 'in_induction' : 'overdue';
    return { ...personRef(p), startDate: p.startDate, inductionEnds: inductionEnds(p.startDate, params.inductionDays), completedOn, status };
  });
  const overdue = newStarters.filter((s) => s.status === 'overdue');
  const decided = { newStartersAfter: newSince, newStarters, overdue: overdue.map(personRef) };

  if (overdue.length === 0) {
    const done = newStarters.filter((s) => s.status === 'completed');
    const waiting = newStarters.filter((s) => s.status === 'in_induction');
    const explanation = sentences(
      done.length ? `Completed the NPA induction checklist: ${names(done)}.` : '',
      waiting.length ? `Still in their induction period: ${listOf(waiting.map((s) => `${s.name} (checklist due by ${s.inductionEnds})`))}.` : '',
    );
    return ruleResult(SR_INDUCTION, 'pass', explanation, decided);
  }
  return ruleResult(
    SR_INDUCTION,
    'fail',
    sentences(
      `The induction period ended without the NPA induction checklist for ${listOf(overdue.map((s) => `${s.name} (ended ${s.inductionEnds})`))}.`,
      'Complete the checklist with their mentor or line manager and record it.',
    ),
    decided,
  );
}
