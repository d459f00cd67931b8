import fc from 'fast-check';
import { addDays, daysBetween, maxDate, type IsoDate } from '@npa/platform';
import { DEFAULT_RULE_PARAMS } from './params';
import { checkSupervision, supervisionHistory } from './supervision.rules';
import { AS_OF, ago, makeService, session, teamMember } from './testing/make-facts';
import type { ServiceFacts, SupervisionFact } from './facts';

const params = DEFAULT_RULE_PARAMS;

/** One practitioner, p1, who started `startedDaysAgo` days before AS_OF and had sessions `daysAgo` days back. */
function p1With(daysAgo: number[], startedDaysAgo = 400): ServiceFacts {
  return {
    ...makeService({ practitioners: 1, startedDaysAgo }),
    supervision: daysAgo.map((d) => session(ago(d), ['p1'])),
  };
}

describe(checkSupervision.name, () => {
  it.each([
    { case: 'passes sessions every 14 days up to asOf', sessions: [0, 14, 28, 42, 56, 70, 84, 98], outcome: 'pass', gap: 14 },
    { case: 'fails a 15-day gap between two sessions', sessions: [0, 14, 29, 43, 57, 71, 85, 99], outcome: 'fail', gap: 15 },
    { case: 'passes when the last session was exactly 14 days before asOf', sessions: [14, 28, 42, 56, 70, 84, 98], outcome: 'pass', gap: 14 },
    { case: 'fails when the last session was 15 days before asOf', sessions: [15, 29, 43, 57, 71, 85, 99], outcome: 'fail', gap: 15 },
    { case: 'fails a practitioner with no sessions at all', sessions: [], outcome: 'fail', gap: 90 },
    // S = asOf - 90. The latest session on or before S is the first point, so 91 days ago then 77 passes...
    { case: 'measures from the latest session on or before the look-back start', sessions: [91, 77, 63, 49, 35, 21, 7], outcome: 'pass', gap: 14 },
    // ...while with nothing between 104 and 77 days ago the first gap is 27 days.
    { case: 'fails a long gap that began before the look-back window', sessions: [104, 77, 63, 49, 35, 21, 7], outcome: 'fail', gap: 27 },
    // With no session on or before S, S itself is the first point: 90 days ago to a session 76 days ago is 14.
    { case: 'starts from the look-back start when no earlier session exists', sessions: [76, 62, 48, 34, 20, 6], outcome: 'pass', gap: 14 },
    { case: 'fails when the first session in the window is 15 days after its start', sessions: [75, 61, 47, 33, 19, 5], outcome: 'fail', gap: 15 },
    { case: 'ignores sessions after asOf', sessions: [-1, 15, 29, 43, 57, 71, 85, 99], outcome: 'fail', gap: 15 },
  ])('$case', ({ sessions, outcome, gap }) => {
    const result = checkSupervision(p1With(sessions), params, AS_OF);
    expect(result).toMatchObject({ id: 'SR-SUPERVISION', level: 'essential', outcome });
    expect(result.facts.practitioners).toEqual([expect.objectContaining({ personId: 'p1', largestGapDays: gap })]);
  });

  it.each([
    { case: 'passes a practitioner who started 10 days ago with no session yet', started: 10, sessions: [], outcome: 'pass' },
    { case: 'passes a practitioner who started 14 days ago with no session yet', started: 14, sessions: [], outcome: 'pass' },
    { case: 'fails a practitioner who started 15 days ago with no session yet', started: 15, sessions: [], outcome: 'fail' },
    { case: 'passes a practitioner who starts on asOf', started: 0, sessions: [], outcome: 'pass' },
    { case: 'measures a new starter from their start date', started: 40, sessions: [26, 12], outcome: 'pass' },
  ])('$case', ({ started, sessions, outcome }) => {
    expect(checkSupervision(p1With(sessions, started), params, AS_OF).outcome).toBe(outcome);
  });

  it('counts a group session for each practitioner in it', () => {
    const facts = makeService({ practitioners: 3, sessionEveryDays: null });
    facts.supervision = [0, 14, 28, 42, 56, 70, 84, 98].map((d) => session(ago(d), ['p1', 'p2', 'p3']));
    expect(checkSupervision(facts, params, AS_OF).outcome).toBe('pass');
  });

  it('does not count a session for a practitioner who was not in it', () => {
    const facts = makeService({ practitioners: 2, sessionEveryDays: null });
    facts.supervision = [0, 14, 28, 42, 56, 70, 84, 98].map((d) => session(ago(d), d === 28 ? ['p1'] : ['p1', 'p2']));
    const result = checkSupervision(facts, params, AS_OF);
    expect(result.outcome).toBe('fail');
    expect(result.facts.overdue).toEqual([{ personId: 'p2', name: 'Person p2' }]);
  });

  it('reports each practitioner with their largest gap and its dates, and explains the failure', () => {
    const facts = makeService({ practitioners: 2, sessionEveryDays: null });
    facts.team.push(teamMember('s1', { role: 'supervisor' }));
    facts.supervision = [
      ...[0, 14, 28, 42, 56, 70, 84, 98].map((d) => session(ago(d), ['p1'])),
      ...[0, 21, 35, 49, 63, 77, 91].map((d) => session(ago(d), ['p2'])),
    ];
    const result = checkSupervision(facts, params, AS_OF);
    expect(result.facts.practitioners).toEqual([
      { personId: 'p1', name: 'Person p1', startDate: ago(400), lastSession: AS_OF, largestGapDays: 14, gapFrom: ago(98), gapTo: ago(84) },
      { personId: 'p2', name: 'Person p2', startDate: ago(400), lastSession: AS_OF, largestGapDays: 21, gapFrom: '2025-06-09', gapTo: AS_OF },
    ]);
    expect(result.explanation).toBe(
      '1 of 2 practitioners went more than 14 days without supervision: Person p2 (21 days, 2025-06-09 to 2025-06-30). Book supervision for them now and keep sessions no more than 14 days apart.',
    );
  });

  it('is not applicable with no active practitioners, whoever else is on the team', () => {
    const facts = makeService({ practitioners: 0, supervisors: 1 });
    expect(checkSupervision(facts, params, AS_OF).outcome).toBe('not_applicable');
  });

  it('uses the gap parameter', () => {
    expect(checkSupervision(p1With([0, 21, 42, 63, 84]), { ...params, supervisionMaxGapDays: 21 }, AS_OF).outcome).toBe('pass');
  });
});

describe(supervisionHistory.name, () => {
  it('lists the points the gaps are measured between', () => {
    const sessions = [120, 95, 91, 60, 30, 30].map((d) => session(ago(d), ['p1']));
    expect(supervisionHistory('p1', '2020-01-01', sessions, params, AS_OF)).toEqual({
      lookbackFrom: ago(90),
      points: [ago(91), ago(60), ago(30), AS_OF],
      largestGap: { days: 31, from: ago(91), to: ago(60) },
      lastSession: ago(30),
    });
  });

  it.each([
    { case: 'in any order', days: [30, 100, 60, 5], others: [], points: [ago(100), ago(60), ago(30), ago(5), AS_OF] },
    { case: 'not counting sessions after the date', days: [60, -3, 20], others: [], points: [ago(90), ago(60), ago(20), AS_OF] },
    { case: "not counting other practitioners' sessions", days: [70], others: [40, 10], points: [ago(90), ago(70), AS_OF] },
    { case: 'with none', days: [], others: [50], points: [ago(90), AS_OF] },
  ])('finds the points $case', ({ days, others, points }) => {
    const sessions = [...days.map((d) => session(ago(d), ['p1', 'p2'])), ...others.map((d) => session(ago(d), ['p2']))];
    expect(supervisionHistory('p1', '2020-01-01', sessions, params, AS_OF).points).toEqual(points);
  });

  it('sees a session added to the same list after a first answer', () => {
    const sessions = [session(ago(80), ['p1'])];
    expect(supervisionHistory('p1', '2020-01-01', sessions, params, AS_OF).largestGap.days).toBe(80);
    sessions.push(session(ago(40), ['p1']));
    expect(supervisionHistory('p1', '2020-01-01', sessions, params, AS_OF).largestGap.days).toBe(40);
  });

  // supervisionHistory reads the sessions latest first and stops early; this is DOMAIN.md's definition
  // read plainly, every session in date order, which it must always agree with.
  it('agrees with the definition read in date order, for any sessions, start and look-back', () => {
    const day = (n: number) => addDays('2026-01-01', n);
    const anySession: fc.Arbitrary<SupervisionFact> = fc.record({
      date: fc.integer({ min: 0, max: 150 }).map(day),
      supervisorId: fc.constant('s1'),
      practitionerIds: fc.subarray(['p1', 'p2', 'p3'], { minLength: 1 }),
    });
    fc.assert(
      fc.property(
        fc.array(anySession, { maxLength: 30 }),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 100, max: 150 }),
        fc.integer({ min: 1, max: 60 }),
        (sessions, start, asOf, lookback) => {
          const p = { ...params, supervisionLookbackDays: lookback };
          expect(supervisionHistory('p1', day(start), sessions, p, day(asOf))).toEqual(definition('p1', day(start), sessions, lookback, day(asOf)));
        },
      ),
    );
  });
});

function definition(personId: string, startDate: IsoDate, sessions: SupervisionFact[], lookbackDays: number, asOf: IsoDate) {
  const lookbackFrom = maxDate(addDays(asOf, -lookbackDays), startDate);
  const dates = [...new Set(sessions.filter((s) => s.date <= asOf && s.practitionerIds.includes(personId)).map((s) => s.date))].sort();
  const before = dates.filter((d) => d <= lookbackFrom).at(-1);
  const points = [before ?? lookbackFrom, ...dates.filter((d) => d > lookbackFrom), asOf];
  const gaps = points.slice(1).map((to, i) => ({ days: daysBetween(points[i], to), from: points[i], to }));
  const largestGap = gaps.reduce((best, gap) => (gap.days > best.days ? gap : best), { days: 0, from: points[0], to: points[0] });
  return { lookbackFrom, points, largestGap, lastSession: dates.at(-1) ?? null };
}
