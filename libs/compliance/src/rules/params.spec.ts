import { DEFAULT_RULE_PARAMS, ruleParamsSchema } from './params';

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
    });
  });
});
