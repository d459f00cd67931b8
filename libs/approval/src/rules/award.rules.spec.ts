import fc from 'fast-check';
import { checkSettingMember, checkSettingTrained, DEFAULT_RULE_PARAMS } from '@npa/compliance';
import type { SettingFacts } from '@npa/compliance';
import { addDays } from '@npa/platform';
import { applicationKind, AwardPeriod, awardPeriodFor, awardStatus, renewalOf } from './award.rules';

const award = (awardedOn: string, startsOn: string, expiresOn: string, id = `a-${startsOn}`): AwardPeriod => ({ id, awardedOn, startsOn, expiresOn });
const first = award('2026-01-10', '2026-01-10', '2027-01-09');

describe(awardPeriodFor.name, () => {
  it.each([
    ['a new award runs a year from the decision', '2026-01-10', null, '2026-01-10', '2027-01-09'],
    ['a leap day award ends on the 27th of February', '2028-02-29', null, '2028-02-29', '2029-02-27'],
    ['an early renewal starts the day after the current award ends', '2026-12-01', first, '2027-01-10', '2028-01-09'],
    ['a renewal on the last day still loses no day', '2027-01-09', first, '2027-01-10', '2028-01-09'],
    ['after expiry a new award starts on its decision day', '2027-02-01', first, '2027-02-01', '2028-01-31'],
  ])('%s', (_, decidedOn, current, startsOn, expiresOn) => {
    expect(awardPeriodFor(decidedOn, current)).toEqual({ startsOn, expiresOn });
  });
});

describe(renewalOf.name, () => {
  const renewal = award('2026-12-01', '2027-01-10', '2028-01-09');
  it.each([
    ['no other award: not renewed', [first], '2026-12-15', null],
    ['a renewal granted by then', [first, renewal], '2026-12-15', renewal],
    ['a renewal granted only later does not count yet', [first, renewal], '2026-11-30', null],
    ['an earlier award is no renewal', [award('2025-01-10', '2025-01-10', '2026-01-09'), first], '2026-12-15', null],
  ])('%s', (_, awards, asOf, expected) => {
    expect(renewalOf(awards, first, asOf)).toEqual(expected);
  });
});

describe(applicationKind.name, () => {
  it.each([
    ['no award: new', [], '2026-05-01', { kind: 'new' }],
    ['more than 90 days before expiry: too early', [first], '2026-10-10', { refused: 'too_early', opensOn: '2026-10-11' }],
    ['exactly 90 days before expiry: renewal', [first], '2026-10-11', { kind: 'renewal' }],
    ['on the last day: renewal', [first], '2027-01-09', { kind: 'renewal' }],
    ['the day after expiry: new', [first], '2027-01-10', { kind: 'new' }],
    ['already renewed: refused', [first, award('2026-12-01', '2027-01-10', '2028-01-09')], '2026-12-05', { refused: 'already_renewed' }],
  ])('%s', (_, awards, today, expected) => {
    expect(applicationKind(awards, today, 90)).toMatchObject(expected);
  });
});

/** A setting of eight with two trained staff and one member, as of the award; `over` changes it. */
function facts(over: Partial<SettingFacts> = {}): SettingFacts {
  const staff = (id: string, startDate = '2025-01-01', endDate: string | null = null) => ({
    staffId: `s-${id}`,
    personId: id,
    name: `Person ${id}`,
    startDate,
    endDate,
  });
  const trained = (personId: string, workshopEndDate = '2024-06-02') => ({
    personId,
    workshopStartDate: '2024-06-01',
    workshopEndDate,
    trainerName: 'Tess Trainer',
    trainerAccreditations: [{ from: '2020-01-01', to: '2030-12-31' }],
  });
  return {
    settingId: 'setting',
    staffCount: 8,
    staff: [staff('ann'), staff('bob'), staff('cat')],
    memberships: [{ personId: 'ann', startDate: '2025-01-01', endDate: '2030-12-31' }],
    completions: [trained('ann'), trained('bob')],
    inspections: [{ date: '2024-01-01', grade: 'good' }],
    qualifications: [],
    ...over,
  };
}
const params = DEFAULT_RULE_PARAMS;

describe(awardStatus.name, () => {
  it('is none before any award', () => {
    expect(awardStatus([], facts(), params, '2026-05-01')).toMatchObject({ state: 'none', awardedOn: null, expiresOn: null });
  });

  it('is active while the award runs and the setting keeps its trained staff and member', () => {
    expect(awardStatus([first], facts(), params, '2026-06-01')).toMatchObject({
      state: 'active',
      awardedOn: '2026-01-10',
      expiresOn: '2027-01-09',
      atRisk: null,
    });
  });

  it('is none before the decision day, even for a date the award would cover', () => {
    expect(awardStatus([award('2026-03-01', '2026-03-01', '2027-02-28')], facts(), params, '2026-02-01').state).toBe('none');
  });

  it('is expired from the day after its end, and active on the last day', () => {
    expect(awardStatus([first], facts(), params, '2027-01-09').state).toBe('active');
    expect(awardStatus([first], facts(), params, '2027-01-10')).toMatchObject({ state: 'expired', expiresOn: '2027-01-09' });
  });

  it('continues without a gap into an approved renewal', () => {
    const renewal = award('2026-12-01', '2027-01-10', '2028-01-09');
    expect(awardStatus([first, renewal], facts(), params, '2026-12-15')).toMatchObject({
      state: 'active',
      expiresOn: '2027-01-09',
      renewal: { startsOn: '2027-01-10' },
    });
    expect(awardStatus([first, renewal], facts(), params, '2027-01-10')).toMatchObject({ state: 'active', startsOn: '2027-01-10', expiresOn: '2028-01-09' });
  });

  it('is at risk from the day after a trained member of staff leaves, with 90 days to put it right', () => {
    const left = facts({
      staff: [
        ...facts().staff.filter((s) => s.personId !== 'bob'),
        { staffId: 's-bob', personId: 'bob', name: 'Person bob', startDate: '2025-01-01', endDate: '2026-06-30' },
      ],
    });
    expect(awardStatus([first], left, params, '2026-06-30').state).toBe('active');
    const status = awardStatus([first], left, params, '2026-08-01');
    expect(status).toMatchObject({ state: 'at_risk', atRisk: { since: '2026-07-01', mustPutRightBy: '2026-09-29', overdue: false } });
    expect(status.atRisk!.failing.map((f) => f.id)).toEqual(['SA-TRAINED']);
    expect(awardStatus([first], left, { ...params, awardAtRiskDays: 30 }, '2026-08-01').atRisk).toMatchObject({ mustPutRightBy: '2026-07-31', overdue: true });
  });

  it('is active again once a trained member joins, and the past still reads at risk', () => {
    const base = facts();
    const replaced = facts({
      staff: [
        ...base.staff.filter((s) => s.personId !== 'bob'),
        { staffId: 's-bob', personId: 'bob', name: 'Person bob', startDate: '2025-01-01', endDate: '2026-06-30' },
        { staffId: 's-dan', personId: 'dan', name: 'Person dan', startDate: '2026-08-15', endDate: null },
      ],
      completions: [...base.completions, { ...base.completions[0], personId: 'dan' }],
    });
    expect(awardStatus([first], replaced, params, '2026-08-20').state).toBe('active');
    expect(awardStatus([first], replaced, params, '2026-08-14')).toMatchObject({ state: 'at_risk', atRisk: { since: '2026-07-01' } });
  });

  it('is at risk when the only membership lapses, dated from the day after it ends', () => {
    const lapsed = facts({ memberships: [{ personId: 'ann', startDate: '2025-01-01', endDate: '2026-04-30' }] });
    const status = awardStatus([first], lapsed, params, '2026-05-10');
    expect(status).toMatchObject({ state: 'at_risk', atRisk: { since: '2026-05-01', mustPutRightBy: '2026-07-30' } });
    expect(status.atRisk!.failing.map((f) => f.id)).toEqual(['SA-MEMBER']);
  });

  it("dates the risk from the day after a membership that ended on the award's first day", () => {
    const ended = facts({ memberships: [{ personId: 'ann', startDate: '2025-01-01', endDate: '2026-01-10' }] });
    expect(awardStatus([first], ended, params, '2026-02-01').atRisk).toMatchObject({ since: '2026-01-11' });
  });

  it('dates the risk from the award start when it failed from the first day', () => {
    const short = facts({ memberships: [] });
    expect(awardStatus([first], short, params, '2026-03-01').atRisk).toMatchObject({ since: '2026-01-10' });
  });

  // awardStatus walks back only over the days something changes; this walks back a day at a time. The
  // days are a few weeks around the award's start, so starts and ends fall on its edges often.
  it('dates the risk from the first day of the unbroken run of failing days, for any staff, memberships and completions', () => {
    const day = (n: number) => addDays('2026-01-01', n);
    const people = ['ann', 'bob', 'cat', 'dan'];
    const period = fc
      .record({ personId: fc.constantFrom(...people), start: fc.integer({ min: -3, max: 12 }), length: fc.option(fc.integer({ min: 0, max: 6 })) })
      .map(({ personId, start, length }) => ({ personId, startDate: day(start), endDate: length === null ? null : day(start + length) }));
    const setting = fc
      .record({
        staff: fc.array(period, { maxLength: 6 }),
        memberships: fc.array(period, { maxLength: 6 }),
        completions: fc.array(fc.record({ personId: fc.constantFrom(...people), end: fc.integer({ min: -3, max: 12 }) }), { maxLength: 4 }),
      })
      .map(({ staff, memberships, completions }) =>
        facts({
          staffCount: 2,
          staff: staff.map((s, i) => ({ ...s, staffId: `s${i}`, name: `Person ${s.personId}` })),
          memberships,
          completions: completions.map(({ personId, end }) => ({
            personId,
            workshopStartDate: day(end - 1),
            workshopEndDate: day(end),
            trainerName: 'Tess Trainer',
            trainerAccreditations: [{ from: '2020-01-01', to: '2030-12-31' }],
          })),
        }),
      );
    const award = { id: 'a', awardedOn: day(0), startsOn: day(0), expiresOn: day(364) };
    const failing = (f: SettingFacts, on: string) => [checkSettingTrained, checkSettingMember].some((check) => check(f, params, on).outcome === 'fail');
    fc.assert(
      fc.property(setting, fc.integer({ min: 0, max: 15 }), (f, at) => {
        const asOf = day(at);
        let since = asOf;
        while (since > award.startsOn && failing(f, addDays(since, -1))) since = addDays(since, -1);
        expect(awardStatus([award], f, params, asOf).atRisk?.since ?? null).toBe(failing(f, asOf) ? since : null);
      }),
      { numRuns: 500 },
    );
  });
});

describe(renewalOf.name, () => {
  const current = { id: 'a1', awardedOn: '2026-01-10', startsOn: '2026-01-10', expiresOn: '2027-01-09' };
  const renewal = { id: 'a2', awardedOn: '2026-12-01', startsOn: '2027-01-10', expiresOn: '2028-01-09' };
  it.each([
    ['no other award', [current], '2026-12-15', null],
    ['a renewal granted by then', [current, renewal], '2026-12-15', renewal],
    ['a renewal granted after the date asked about', [current, renewal], '2026-11-30', null],
    ['only an earlier award', [{ ...current, id: 'a0', startsOn: '2025-01-10', expiresOn: '2026-01-09' }, current], '2026-12-15', null],
  ])('finds %s', (_case, awards, asOf, expected) => {
    expect(renewalOf(awards, current, asOf)).toEqual(expected);
  });
});
