// Properties of the rule engine over generated facts: realistic teams of a few people, dates within a few
// years of the check date. fast-check prints the seed and the smallest failing facts when one fails;
// replay with fc.assert(..., { seed, path }).
import fc from 'fast-check';
import { addDays, type IsoDate } from '@npa/platform';
import { evaluateService } from './evaluate';
import { peopleIn } from './result';
import type {
  CompletionFact,
  InductionFact,
  NetworkingFact,
  PeriodFact,
  QualificationFact,
  ServiceFacts,
  SupervisionFact,
  TeamMemberFact,
  TrainerAccreditationFact,
} from './facts';
import { checkMembership } from './membership.rules';
import { DEFAULT_RULE_PARAMS } from './params';
import { checkSupervision } from './supervision.rules';

// The properties hold for the Code's thresholds. Some other settings break the first one by design: with
// small services of up to 2 practitioners, a third practitioner raises the minimum from 1 member to 3.
const params = DEFAULT_RULE_PARAMS;
const runs = { numRuns: 200 };

const EPOCH: IsoDate = '2022-01-01';
const YEARS = 4;
const PEOPLE = ['p1', 'p2', 'p3', 'p4', 'p5', 's1', 's2', 'm1'];

/** A calendar date from 2022 to 2025. */
const date = fc.integer({ min: 0, max: YEARS * 365 }).map((n) => addDays(EPOCH, n));
/** A check date late enough that most generated history lies before it. */
const asOfDate = fc.integer({ min: 365, max: YEARS * 365 }).map((n) => addDays(EPOCH, n));
const person = fc.constantFrom(...PEOPLE);
/** A start date and an end on or after it, or none. */
const period = fc
  .tuple(date, fc.option(fc.integer({ min: 0, max: 3 * 365 }), { nil: null }))
  .map(([startDate, length]) => ({ startDate, endDate: length === null ? null : addDays(startDate, length) }));

const teamMember: fc.Arbitrary<TeamMemberFact> = fc
  .record({
    personId: person,
    role: fc.constantFrom<TeamMemberFact['role']>('practitioner', 'practitioner', 'supervisor', 'manager'),
    fte: fc.constantFrom(0.2, 0.5, 0.6, 0.8, 1),
    caseload: fc.integer({ min: 0, max: 25 }),
    period,
  })
  .map(({ personId, period: p, ...rest }) => ({ memberId: `m-${personId}`, personId, name: `Person ${personId}`, ...rest, ...p }));

const membership: fc.Arbitrary<PeriodFact> = fc.record({ personId: person, period }).map(({ personId, period: p }) => ({ personId, ...p }));

const accreditation = fc.tuple(date, fc.integer({ min: 0, max: 5 * 365 })).map(([from, days]) => ({ from, to: addDays(from, days) }));

const completion: fc.Arbitrary<CompletionFact> = fc
  .record({
    personId: person,
    start: date,
    days: fc.integer({ min: 0, max: 3 }),
    trainerName: fc.constantFrom('Alex Trainer', 'Sam Trainer'),
    trainerAccreditations: fc.array(accreditation, { maxLength: 2 }),
  })
  .map(({ personId, start, days, trainerName, trainerAccreditations }) => ({
    personId,
    workshopStartDate: start,
    workshopEndDate: addDays(start, days),
    trainerName,
    trainerAccreditations,
  }));

const supervision: fc.Arbitrary<SupervisionFact> = fc.record({
  date,
  supervisorId: fc.constantFrom('s1', 's2', 'outside-supervisor'),
  practitionerIds: fc.uniqueArray(person, { minLength: 1, maxLength: 5 }),
});

const induction: fc.Arbitrary<InductionFact> = fc.record({ personId: person, completedOn: date });

const qualification: fc.Arbitrary<QualificationFact> = fc.record({
  personId: person,
  kind: fc.constantFrom<QualificationFact['kind']>('level3', 'relevant_degree', 'accredited_trainer'),
  status: fc.constantFrom<QualificationFact['status']>('achieved', 'working_towards'),
  date: fc.option(date, { nil: null }),
});

const trainerAccreditation: fc.Arbitrary<TrainerAccreditationFact> = fc.tuple(person, accreditation).map(([personId, a]) => ({ personId, ...a }));

const networking: fc.Arbitrary<NetworkingFact> = fc.record({
  date,
  event: fc.constantFrom('South West regional networking day', 'Regional meeting', 'Development Day'),
});

/** Regular sessions for some of the team, so that SR-SUPERVISION passes often enough to be worth testing. */
const regularSessions = fc
  .record({
    from: date,
    every: fc.integer({ min: 3, max: 16 }),
    count: fc.integer({ min: 0, max: 80 }),
    who: fc.uniqueArray(person, { minLength: 1, maxLength: 5 }),
  })
  .map(({ from, every, count, who }) =>
    Array.from({ length: count }, (_, i) => ({ date: addDays(from, i * every), supervisorId: 's1', practitionerIds: who })),
  );

/** Sessions at most 14 days apart for most of the people, up to a little before asOf, so SR-SUPERVISION often passes. */
function supervisedUpTo(asOf: IsoDate): fc.Arbitrary<SupervisionFact[]> {
  return fc
    .record({
      lastDaysAgo: fc.integer({ min: 0, max: 16 }),
      every: fc.integer({ min: 3, max: 15 }),
      who: fc.uniqueArray(person, { minLength: 4, maxLength: 8 }),
    })
    .map(({ lastDaysAgo, every, who }) =>
      Array.from({ length: Math.ceil(400 / every) }, (_, i) => ({ date: addDays(asOf, -lastDaysAgo - i * every), supervisorId: 's1', practitionerIds: who })),
    );
}

const serviceFacts: fc.Arbitrary<ServiceFacts> = fc.record({
  serviceId: fc.constant('service-1'),
  team: fc.array(teamMember, { maxLength: 8 }),
  memberships: fc.array(membership, { maxLength: 10 }),
  completions: fc.array(completion, { maxLength: 8 }),
  supervision: fc.tuple(regularSessions, fc.array(supervision, { maxLength: 10 })).map(([regular, odd]) => [...regular, ...odd]),
  inductions: fc.array(induction, { maxLength: 4 }),
  qualifications: fc.array(qualification, { maxLength: 4 }),
  trainerAccreditations: fc.array(trainerAccreditation, { maxLength: 3 }),
  networking: fc.array(networking, { maxLength: 3 }),
});

/** A person not in PEOPLE, on the team on asOf in any role, with an NPA membership that covers asOf. */
function newMember(asOf: IsoDate) {
  return fc
    .record({
      role: fc.constantFrom<TeamMemberFact['role']>('practitioner', 'supervisor', 'manager'),
      startedDaysAgo: fc.integer({ min: 0, max: 3 * 365 }),
      leavesIn: fc.option(fc.integer({ min: 0, max: 365 }), { nil: null }),
      joinedDaysAgo: fc.integer({ min: 0, max: 5 * 365 }),
      renewsIn: fc.option(fc.integer({ min: 0, max: 365 }), { nil: null }),
    })
    .map(({ role, startedDaysAgo, leavesIn, joinedDaysAgo, renewsIn }) => ({
      row: {
        memberId: 'm-newcomer',
        personId: 'newcomer',
        name: 'Person newcomer',
        role,
        fte: 1,
        caseload: 10,
        startDate: addDays(asOf, -startedDaysAgo),
        endDate: leavesIn === null ? null : addDays(asOf, leavesIn),
      } satisfies TeamMemberFact,
      membership: {
        personId: 'newcomer',
        startDate: addDays(asOf, -joinedDaysAgo),
        endDate: renewsIn === null ? null : addDays(asOf, renewsIn),
      } satisfies PeriodFact,
    }));
}

/** The same facts with every array, nested ones included, in an order fast-check picks (and shrinks). */
function reordered(facts: ServiceFacts): fc.Arbitrary<ServiceFacts> {
  const permutation = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
  return fc.record({
    serviceId: fc.constant(facts.serviceId),
    team: permutation(facts.team),
    memberships: permutation(facts.memberships),
    completions: fc
      .tuple(...facts.completions.map((c) => permutation(c.trainerAccreditations).map((trainerAccreditations) => ({ ...c, trainerAccreditations }))))
      .chain(permutation),
    supervision: fc
      .tuple(...facts.supervision.map((s) => permutation(s.practitionerIds).map((practitionerIds) => ({ ...s, practitionerIds }))))
      .chain(permutation),
    inductions: permutation(facts.inductions),
    qualifications: permutation(facts.qualifications),
    trainerAccreditations: permutation(facts.trainerAccreditations),
    networking: permutation(facts.networking),
  });
}

describe('rule engine properties', () => {
  it('adding a current NPA member to the team never turns SR-MEMBERSHIP from pass to fail', () => {
    let passedBefore = 0;
    fc.assert(
      fc.property(
        serviceFacts,
        asOfDate.chain((asOf) => fc.tuple(fc.constant(asOf), newMember(asOf))),
        (facts, [asOf, added]) => {
          const before = checkMembership(facts, params, asOf);
          fc.pre(before.outcome === 'pass');
          passedBefore++;
          const after = checkMembership({ ...facts, team: [...facts.team, added.row], memberships: [...facts.memberships, added.membership] }, params, asOf);
          expect(after.outcome).toBe('pass');
        },
      ),
      { ...runs, maxSkipsPerRun: 1000 },
    );
    expect(passedBefore).toBeGreaterThanOrEqual(runs.numRuns);
  });

  // DOMAIN.md measures the first gap from the latest session on or before S = max(asOf - 90 days, start
  // date), or from S when there is none. So a session on or before S can only lengthen that gap: it may
  // turn a pass into a fail (the example below). A session after S only splits a gap, which is the property.
  it('adding a supervision session after the look-back start never turns SR-SUPERVISION from pass to fail', () => {
    let passedBefore = 0;
    const lookback = params.supervisionLookbackDays;
    fc.assert(
      fc.property(
        serviceFacts,
        asOfDate.chain((asOf) =>
          fc.tuple(
            fc.constant(asOf),
            supervisedUpTo(asOf),
            supervision,
            fc.integer({ min: -lookback + 1, max: 30 }).map((n) => addDays(asOf, n)),
          ),
        ),
        (generated, [asOf, regular, session, sessionDate]) => {
          const facts = { ...generated, supervision: [...regular, ...generated.supervision] };
          const before = checkSupervision(facts, params, asOf);
          const startsAfter = facts.team.some((m) => session.practitionerIds.includes(m.personId) && m.startDate >= sessionDate);
          fc.pre(before.outcome === 'pass' && !startsAfter);
          passedBefore++;
          const added = { ...session, date: sessionDate };
          const after = checkSupervision({ ...facts, supervision: [...facts.supervision, added] }, params, asOf);
          expect(after.outcome).toBe('pass');
        },
      ),
      { ...runs, maxSkipsPerRun: 1000 },
    );
    expect(passedBefore).toBeGreaterThanOrEqual(runs.numRuns);
  });

  it('counts a session on or before the look-back start from its own date, as DOMAIN.md says, even when that fails', () => {
    const facts: ServiceFacts = {
      serviceId: 'service-1',
      team: [{ memberId: 'm-p1', personId: 'p1', name: 'Person p1', role: 'practitioner', fte: 1, caseload: 10, startDate: '2022-12-18', endDate: null }],
      memberships: [],
      completions: [],
      supervision: [],
      inductions: [],
      qualifications: [],
      trainerAccreditations: [],
      networking: [],
    };
    expect(checkSupervision(facts, params, '2023-01-01').outcome).toBe('pass');
    const withOldSession = { ...facts, supervision: [{ date: '2022-01-01', supervisorId: 's1', practitionerIds: ['p1'] }] };
    expect(checkSupervision(withOldSession, params, '2023-01-01').outcome).toBe('fail');
  });

  it('gives the same results whatever order the facts arrive in', () => {
    fc.assert(
      fc.property(
        serviceFacts.chain((facts) => fc.tuple(fc.constant(facts), reordered(facts))),
        asOfDate,
        ([facts, shuffledFacts], asOf) => {
          expect(evaluateService(shuffledFacts, params, asOf)).toEqual(evaluateService(facts, params, asOf));
        },
      ),
      runs,
    );
  });

  it('finds every person the results name in their facts, wherever a rule puts them (what a snapshot keeps: peopleIn)', () => {
    fc.assert(
      fc.property(serviceFacts, asOfDate, (facts, asOf) => {
        const results = evaluateService(facts, params, asOf);
        const named = new Set(JSON.stringify(results.map((r) => r.facts)).match(/(?<="personId":")[^"]+/g) ?? []);
        expect(new Set(peopleIn(results))).toEqual(named);
      }),
      runs,
    );
  });
});
