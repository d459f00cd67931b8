// The Code's "desirable" items for a registered service: reported to the service, never deciding its status.
import { addMonths, covers, type IsoDate } from '@npa/platform';
import type { QualificationFact, ServiceFacts } from './facts';
import type { RuleParams } from './params';
import { ruleResult, type RuleMeta, type RuleResult } from './result';
import { activePractitioners, activeTeam, compareText, personRef, qualificationsOn } from './team';
import { count, listOf, names, sentences } from './wording';

export const SR_CASELOAD: RuleMeta = {
  id: 'SR-CASELOAD',
  level: 'desirable',
  title: 'Caseload takes hours into account; a full-time practitioner has at most 16-17 families',
};

export const SR_ACCREDITED_TRAINER: RuleMeta = {
  id: 'SR-ACCREDITED-TRAINER',
  level: 'desirable',
  title: 'At least one NPA-Accredited Trainer, or someone working towards it, in the team',
};

export const SR_LEVEL3: RuleMeta = {
  id: 'SR-LEVEL3',
  level: 'desirable',
  title: 'Team members who hold or are working towards the Level 3 Portage qualification, or a relevant degree',
};

export const SR_NETWORKING: RuleMeta = {
  id: 'SR-NETWORKING',
  level: 'desirable',
  title: 'The team attends regional networking days, regional meetings and the Development Day',
};

export function checkCaseload(facts: ServiceFacts, params: RuleParams, asOf: IsoDate): RuleResult {
  const practitioners = activePractitioners(facts.team, asOf);
  if (practitioners.length === 0) {
    return ruleResult(SR_CASELOAD, 'not_applicable', `No practitioners are on the team on ${asOf}.`, {
      practitioners: [],
      over: [],
    });
  }
  // Families are whole, so the limit rounds down; the epsilon keeps 17 x 0.3-ish FTE sums from losing one.
  const rows = practitioners.map((p) => ({
    ...personRef(p),
    fte: p.fte,
    caseload: p.caseload,
    limit: Math.floor(params.caseloadPerFte * p.fte + 1e-9),
  }));
  const over = rows.filter((r) => r.caseload > r.limit);
  const decided = { familiesPerFte: params.caseloadPerFte, practitioners: rows, over: over.map(personRef) };

  if (over.length === 0) {
    return ruleResult(
      SR_CASELOAD,
      'pass',
      `Every practitioner's caseload is within ${params.caseloadPerFte} families per full-time post, pro rata to their hours.`,
      decided,
    );
  }
  const lines = over.map((r) => `${r.name} has ${count(r.caseload, 'family', 'families')} at ${r.fte} FTE (up to ${r.limit})`);
  return ruleResult(
    SR_CASELOAD,
    'fail',
    `${listOf(lines)}; the Code suggests at most ${params.caseloadPerFte} families per full-time post. Review caseloads with hours, preparation and travel time in mind.`,
    decided,
  );
}

type TrainerBasis = 'accreditation' | 'achieved' | 'working_towards';

export function checkAccreditedTrainer(facts: ServiceFacts, _params: RuleParams, asOf: IsoDate): RuleResult {
  const team = activeTeam(facts.team, asOf);
  if (team.length === 0) {
    return ruleResult(SR_ACCREDITED_TRAINER, 'not_applicable', `No one is on the team on ${asOf}.`, { trainers: [] });
  }
  const qualifications = qualificationsOn(facts.qualifications, asOf, (q) => q.kind === 'accredited_trainer');
  const trainers = team.flatMap((p) => {
    const accredited = facts.trainerAccreditations.some((a) => a.personId === p.personId && covers(a.from, a.to, asOf));
    const own = qualifications.filter((q) => q.personId === p.personId);
    const basis: TrainerBasis | null = accredited
      ? 'accreditation'
      : own.some((q) => q.status === 'achieved')
        ? 'achieved'
        : own.length > 0
          ? 'working_towards'
          : null;
    return basis ? [{ ...p, basis }] : [];
  });

  if (trainers.length > 0) {
    return ruleResult(SR_ACCREDITED_TRAINER, 'pass', `NPA-Accredited Trainer or working towards it: ${names(trainers)}.`, { trainers });
  }
  return ruleResult(
    SR_ACCREDITED_TRAINER,
    'fail',
    'No one in the team is an NPA-Accredited Trainer or working towards it. The Code recommends at least one; the NPA can advise on the route to Accredited Trainer status.',
    { trainers },
  );
}

function countsForLevel3(q: QualificationFact): boolean {
  // The Code accepts working towards Level 3, but asks for a degree already held.
  return q.kind === 'level3' || (q.kind === 'relevant_degree' && q.status === 'achieved');
}

export function checkLevel3(facts: ServiceFacts, _params: RuleParams, asOf: IsoDate): RuleResult {
  const team = activeTeam(facts.team, asOf);
  if (team.length === 0) {
    return ruleResult(SR_LEVEL3, 'not_applicable', `No one is on the team on ${asOf}.`, { qualified: [] });
  }
  const qualifications = qualificationsOn(facts.qualifications, asOf, countsForLevel3);
  const qualified = team.flatMap((p) => {
    const kinds = [...new Set(qualifications.filter((q) => q.personId === p.personId).map((q) => `${q.kind}:${q.status}`))];
    return kinds.length ? [{ ...p, qualifications: kinds.sort(compareText) }] : [];
  });

  if (qualified.length > 0) {
    return ruleResult(SR_LEVEL3, 'pass', `Holding or working towards the Level 3 Portage qualification, or holding a relevant degree: ${names(qualified)}.`, {
      qualified,
    });
  }
  return ruleResult(
    SR_LEVEL3,
    'fail',
    'No one in the team holds or is working towards the Level 3 Portage qualification, or holds a relevant degree. The Code recommends having someone who does.',
    { qualified },
  );
}

export function checkNetworking(facts: ServiceFacts, params: RuleParams, asOf: IsoDate): RuleResult {
  // The window is (asOf - 12 months, asOf]: the same day a year before is one day too early.
  const after = addMonths(asOf, -params.networkingMonths);
  const byDate = [...facts.networking].filter((n) => n.date <= asOf).sort((a, b) => compareText(a.date, b.date) || compareText(a.event, b.event));
  const attended = byDate.filter((n) => n.date > after).map((n) => ({ date: n.date, event: n.event }));
  const last = byDate.at(-1);
  const decided = { after, to: asOf, attended, lastAttendance: last ? { date: last.date, event: last.event } : null };

  if (attended.length > 0) {
    const latest = attended[attended.length - 1];
    return ruleResult(
      SR_NETWORKING,
      'pass',
      `The team attended ${count(attended.length, 'NPA networking event')} in the ${params.networkingMonths} months to ${asOf}, most recently ${latest.event} on ${latest.date}.`,
      decided,
    );
  }
  const lastNote = last ? ` (the last recorded was ${last.event} on ${last.date})` : '';
  return ruleResult(
    SR_NETWORKING,
    'fail',
    sentences(
      `No attendance at an NPA regional networking day, regional meeting or the Development Day is recorded after ${after}${lastNote}.`,
      'Send someone from the team to the next one and record it.',
    ),
    decided,
  );
}
