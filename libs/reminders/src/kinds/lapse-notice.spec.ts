import { lapsedOn, lapseNotice } from './lapse-notice';

describe(lapsedOn.name, () => {
  it.each([
    { case: 'the day after the last day of the award', expiresOn: '2026-04-30', dueOn: '2026-05-03', lapsed: '2026-05-01' },
    { case: 'across a year end', expiresOn: '2026-12-31', dueOn: '2027-01-01', lapsed: '2027-01-01' },
    { case: 'after 28 February in a leap year', expiresOn: '2028-02-28', dueOn: '2028-02-29', lapsed: '2028-02-29' },
    { case: 'the due day when an older reminder kept no end date', expiresOn: undefined, dueOn: '2026-05-01', lapsed: '2026-05-01' },
  ])('$case', ({ expiresOn, dueOn, lapsed }) => {
    expect(lapsedOn(expiresOn, dueOn)).toBe(lapsed);
  });
});

describe(lapseNotice.name, () => {
  const facts = { settingName: 'Acorns', awardStartsOn: '2025-05-01', awardExpiresOn: '2026-04-30', whatToDo: 'Apply.' };

  it.each([
    { case: 'the award date when it was found', extra: { awardedOn: '2025-04-20', ofstedUrn: 'EY1' }, awardedOn: '2025-04-20', urn: 'EY1' },
    { case: 'the start date when an older reminder has no award date', extra: {}, awardedOn: '2025-05-01', urn: '' },
  ])('an expired notice with no date to act by, giving $case', ({ extra, awardedOn, urn }) => {
    const data = lapseNotice({ ...facts, ...extra }, '2026-05-01');
    expect(data).toMatchObject({ state: 'expired', awardedOn, expiresOn: '2026-04-30', lapsedOn: '2026-05-01', setting: { name: 'Acorns', ofstedUrn: urn } });
    expect(data.actBy).toBeUndefined();
    expect(data.actions).toEqual([expect.objectContaining({ id: 'SA-RENEWAL', explanation: expect.stringContaining('on 2026-05-01') })]);
  });
});
