import { addDays, type IsoDate } from '@npa/platform';
import type { ServiceFacts } from './facts';
import type { RuleParams } from './params';
import { ruleResult, type RuleMeta, type RuleResult } from './result';
import { activePractitioners, byName, inInductionOn, inductionEnds, nameOf, personRef, trainingRecord, type TrainingRecord } from './team';
import { count, hasHave, names, sentences } from './wording';

export const SR_WORKSHOP: RuleMeta = {
  id: 'SR-WORKSHOP',
  level: 'essential',
  title: 'Every practitioner has completed a Portage Workshop from an NPA-Accredited Trainer',
};

export const SR_SUPERVISOR_TRAINED: RuleMeta = {
  id: 'SR-SUPERVISOR-TRAINED',
  level: 'essential',
  title: 'Supervisors have completed a Portage Workshop from an NPA-Accredited Trainer',
};

const WORKSHOP = 'a Portage Workshop from an NPA-Accredited Trainer';

// Said only when it explains a failure: someone holds a certificate that does not count.
function lapsedTrainerNote(notCounted: TrainingRecord['notCounted'][]): string {
  return notCounted.flat().some((n) => n.reason === 'trainer_not_accredited')
    ? "A workshop counts only when its trainer's accreditation covered its first and last day."
    : '';
}

export function checkWorkshop(facts: ServiceFacts, params: RuleParams, asOf: IsoDate): RuleResult {
  const practitioners = activePractitioners(facts.team, asOf);
  if (practitioners.length === 0) {
    return ruleResult(SR_WORKSHOP, 'not_applicable', `No practitioners are on the team on ${asOf}.`, { practitioners: 0 });
  }

  const rows = practitioners.map((p) => ({ p, record: trainingRecord(p.personId, asOf, facts.completions) }));
  const trained = rows.flatMap(({ p, record: { completion } }) =>
    completion ? [{ ...personRef(p), workshopEndDate: completion.workshopEndDate, trainerName: completion.trainerName }] : [],
  );
  // A new practitioner has their induction period to get trained.
  const notYet = rows.filter(({ record }) => !record.completion);
  const inInduction = ({ p }: (typeof rows)[number]) => inInductionOn(p.startDate, asOf, params.inductionDays);
  const exempt = notYet.filter(inInduction).map(({ p }) => ({
    ...personRef(p),
    startDate: p.startDate,
    inductionEnds: inductionEnds(p.startDate, params.inductionDays),
  }));
  const untrained = notYet.filter((row) => !inInduction(row)).map(({ p, record }) => ({ ...personRef(p), notCounted: record.notCounted }));

  const decided = { practitioners: practitioners.length, trained, exempt, untrained };
  const exemptNote = exempt.length ? `${exempt.map((e) => `${e.name} is in their induction period and needs one by ${e.inductionEnds}`).join('; ')}.` : '';

  if (untrained.length === 0) {
    const done =
      exempt.length === 0
        ? `Every practitioner has completed ${WORKSHOP}.`
        : `${trained.length} of ${count(practitioners.length, 'practitioner')} ${hasHave(trained.length)} completed ${WORKSHOP}.`;
    return ruleResult(SR_WORKSHOP, 'pass', sentences(done, exemptNote), decided);
  }
  return ruleResult(
    SR_WORKSHOP,
    'fail',
    sentences(
      `${untrained.length} of ${count(practitioners.length, 'practitioner')} ${hasHave(untrained.length)} not completed ${WORKSHOP}: ${names(untrained)}.`,
      'Book them onto a workshop with an NPA-Accredited Trainer.',
      lapsedTrainerNote(untrained.map((u) => u.notCounted)),
      exemptNote,
    ),
    decided,
  );
}

export function checkSupervisorTrained(facts: ServiceFacts, params: RuleParams, asOf: IsoDate): RuleResult {
  // The same window SR-SUPERVISION looks back over: from S = asOf - lookback (a session on S is its
  // first point) up to asOf, both days included.
  const windowFrom = addDays(asOf, -params.supervisionLookbackDays);
  const sessions = facts.supervision.filter((s) => s.date >= windowFrom && s.date <= asOf);
  if (sessions.length === 0) {
    return ruleResult(SR_SUPERVISOR_TRAINED, 'not_applicable', `No supervision session was recorded between ${windowFrom} and ${asOf}.`, {
      windowFrom,
      windowTo: asOf,
      supervisors: [],
      untrained: [],
    });
  }

  const supervisorIds = [...new Set(sessions.map((s) => s.supervisorId))];
  const supervisors = supervisorIds
    .map((personId) => {
      const led = sessions.filter((s) => s.supervisorId === personId).map((s) => s.date);
      const record = trainingRecord(personId, asOf, facts.completions);
      return {
        personId,
        name: nameOf(personId, facts.team),
        sessions: led.length,
        lastSession: led.reduce((a, b) => (b > a ? b : a)),
        trained: record.completion !== null,
        notCounted: record.notCounted,
      };
    })
    .sort(byName);
  const untrained = supervisors.filter((s) => !s.trained).map(personRef);
  const decided = { windowFrom, windowTo: asOf, supervisors, untrained };

  if (untrained.length === 0) {
    return ruleResult(
      SR_SUPERVISOR_TRAINED,
      'pass',
      `Every supervisor who led a session since ${windowFrom} (${names(supervisors)}) has completed ${WORKSHOP}.`,
      decided,
    );
  }
  return ruleResult(
    SR_SUPERVISOR_TRAINED,
    'fail',
    sentences(
      `${names(untrained)} led supervision since ${windowFrom} but ${hasHave(untrained.length)} not completed ${WORKSHOP}.`,
      `Have a trained supervisor lead sessions, or book ${untrained.length === 1 ? 'them' : 'each of them'} onto a workshop.`,
      lapsedTrainerNote(supervisors.filter((s) => !s.trained).map((s) => s.notCounted)),
    ),
    decided,
  );
}
