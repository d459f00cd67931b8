import { DEFAULT_RULE_PARAMS, ruleParamsConflicts, ruleParamsSchema } from './params';

describe('rule parameters', () => {
  it('describes every parameter exactly once', () => {
    expect(ruleParamsSchema.map((s) => s.name).sort()).toEqual(Object.keys(DEFAULT_RULE_PARAMS).sort());
  });

  it.each(ruleParamsSchema.map((spec) => [spec.name, spec] as const))('the default for %s satisfies its description', (name, spec) => {
    const value = DEFAULT_RULE_PARAMS[name];
    expect(value).toBeGreaterThanOrEqual(spec.min);
    if (spec.max !== undefined) expect(value).toBeLessThanOrEqual(spec.max);
    if (spec.type === 'integer') expect(Number.isInteger(value)).toBe(true);
  });

  it("keeps the Code's values as defaults", () => {
    expect(DEFAULT_RULE_PARAMS).toEqual({
      membershipMinimum: 3,
      smallServiceMaxPractitioners: 4,
      smallServiceMemberShare: 0.5,
      supervisionMaxGapDays: 14,
      supervisionLookbackDays: 90,
      inductionDays: 84,
      caseloadPerFte: 17,
      newStarterMonths: 12,
      networkingMonths: 12,
      settingTrainedMinimum: 2,
      smallSettingTrainedMinimum: 1,
      smallSettingMaxStaff: 3,
      settingMemberMinimum: 1,
      awardAtRiskDays: 90,
      renewalWindowDays: 90,
      retentionYears: 6,
      workshopBackdateDays: 30,
      renewalFirstReminderDaysBefore: 90,
      renewalSecondReminderDaysBefore: 30,
      renewalLastReminderDaysBefore: 7,
      membershipExpiringDaysBefore: 30,
      supervisionDueDays: 10,
      awaitingReviewWorkingDays: 10,
      awaitingReviewRepeatDays: 7,
      informationRequestedDays: 14,
      putRightDays: 28,
      answerWithinDays: 14,
    });
  });

  it('shows the offsets and periods apart from the thresholds, all as whole days of at least one', () => {
    const offsetsAndPeriods = ruleParamsSchema.filter((s) => s.group !== 'rules');
    expect(offsetsAndPeriods.map((s) => s.name)).toHaveLength(10);
    for (const spec of offsetsAndPeriods) expect(spec).toMatchObject({ type: 'integer', min: 1, max: expect.any(Number) });
  });
});

describe(ruleParamsConflicts.name, () => {
  it.each([
    ['the defaults', {}, []],
    ['a first renewal reminder moved to 60 days', { renewalFirstReminderDaysBefore: 60 }, []],
    ['the second renewal reminder as early as the first', { renewalSecondReminderDaysBefore: 90 }, ['renewalSecondReminderDaysBefore']],
    ['the first renewal reminder after the second', { renewalFirstReminderDaysBefore: 20 }, ['renewalSecondReminderDaysBefore']],
    ['the last renewal reminder before the second', { renewalLastReminderDaysBefore: 31 }, ['renewalLastReminderDaysBefore']],
    ['supervision due on the last day of the gap', { supervisionDueDays: 14 }, []],
    ['supervision due once it is overdue', { supervisionDueDays: 15 }, ['supervisionDueDays']],
    ['a shorter gap overtaking the due reminder', { supervisionMaxGapDays: 9 }, ['supervisionDueDays']],
  ])('%s: %j', (_case, changes, fields) => {
    expect(ruleParamsConflicts({ ...DEFAULT_RULE_PARAMS, ...changes }).map((p) => p.field)).toEqual(fields);
  });
});
