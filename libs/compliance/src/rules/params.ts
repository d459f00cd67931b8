// Every threshold the Code states, with the Code's value as default. The NPA admin may change them,
// so rules read them from here and never hard-code a number.

export interface RuleParams {
  /** SR-MEMBERSHIP: current NPA members a team needs. */
  membershipMinimum: number;
  /** A service with this many practitioners or fewer is small. */
  smallServiceMaxPractitioners: number;
  /** SR-MEMBERSHIP: share of a small service's team that must be members. */
  smallServiceMemberShare: number;
  /** SR-SUPERVISION: longest allowed gap between sessions, in days. */
  supervisionMaxGapDays: number;
  /** SR-SUPERVISION and SR-SUPERVISOR-TRAINED: how far back the check looks, in days. */
  supervisionLookbackDays: number;
  /** Induction period length in days (12 weeks), counted from the start date as day 0. */
  inductionDays: number;
  /** SR-CASELOAD: families per full-time practitioner. */
  caseloadPerFte: number;
  /** SR-INDUCTION: a practitioner who started within this many months is a new starter. */
  newStarterMonths: number;
  /** SR-NETWORKING: attendance must fall within this many months up to the check date. */
  networkingMonths: number;
  /** SA-TRAINED: trained staff a setting needs. */
  settingTrainedMinimum: number;
  /** SA-TRAINED: trained staff a small setting needs. */
  smallSettingTrainedMinimum: number;
  /** A setting with this many staff or fewer is small. */
  smallSettingMaxStaff: number;
  /** SA-MEMBER: staff with NPA membership a setting needs. */
  settingMemberMinimum: number;
  /** Days an approved setting has to restore SA-TRAINED or SA-MEMBER once its award is at risk. */
  awardAtRiskDays: number;
  /** A renewal application may be opened this many days before the award expires. */
  renewalWindowDays: number;
  /**
   * Data protection, not the Code: a person no longer linked to any service, setting, workshop or
   * membership is anonymised this many years after their last link ended (libs/privacy).
   */
  retentionYears: number;
  /**
   * Not the Code: a trainer's workshop that started more than this many days before the trainer
   * scheduled it waits for NPA staff to confirm it before its completions count (libs/training).
   */
  workshopBackdateDays: number;
  /** Days before an award expires that its first, second and last renewal reminders fall due. */
  renewalFirstReminderDaysBefore: number;
  renewalSecondReminderDaysBefore: number;
  renewalLastReminderDaysBefore: number;
  /** Days before a membership ends that the member is reminded. */
  membershipExpiringDaysBefore: number;
  /** Days since the last session that supervision is due; overdue is the day past supervisionMaxGapDays. */
  supervisionDueDays: number;
  /** Working days after submission that reviewers are first reminded of an application waiting. */
  awaitingReviewWorkingDays: number;
  /** Then again every this many days while it stays waiting. */
  awaitingReviewRepeatDays: number;
  /** Days after a request for information that an unanswered setting is reminded. */
  informationRequestedDays: number;
  /** Days the registration compliance letter gives a service to put right an essential rule it fails. */
  putRightDays: number;
  /** Days an information request letter gives a setting to answer. */
  answerWithinDays: number;
}

export const DEFAULT_RULE_PARAMS: Readonly<RuleParams> = Object.freeze({
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

/** Where a parameter is shown: a threshold of the rules, a reminder offset, or a period a letter gives. */
export type RuleParamGroup = 'rules' | 'reminders' | 'periods';

export interface RuleParamSpec {
  name: keyof RuleParams;
  group: RuleParamGroup;
  label: string;
  type: 'integer' | 'number';
  min: number;
  max?: number;
}

// Keyed by name so the compiler insists every parameter is described.
const specs: { [K in keyof RuleParams]: Omit<RuleParamSpec, 'name' | 'group'> & { group?: RuleParamGroup } } = {
  membershipMinimum: { label: 'Current NPA members a team needs', type: 'integer', min: 1 },
  smallServiceMaxPractitioners: { label: 'Largest small service (practitioners)', type: 'integer', min: 1 },
  smallServiceMemberShare: { label: 'Share of a small team that must be members', type: 'number', min: 0, max: 1 },
  supervisionMaxGapDays: { label: 'Longest gap between supervision sessions (days)', type: 'integer', min: 1 },
  supervisionLookbackDays: { label: 'Supervision look-back window (days)', type: 'integer', min: 1 },
  inductionDays: { label: 'Induction period (days)', type: 'integer', min: 1 },
  caseloadPerFte: { label: 'Families per full-time practitioner', type: 'number', min: 1 },
  newStarterMonths: { label: 'New starter for induction (months)', type: 'integer', min: 1 },
  networkingMonths: { label: 'Networking attendance window (months)', type: 'integer', min: 1 },
  settingTrainedMinimum: { label: 'Trained staff a setting needs', type: 'integer', min: 1 },
  smallSettingTrainedMinimum: { label: 'Trained staff a small setting needs', type: 'integer', min: 1 },
  smallSettingMaxStaff: { label: 'Largest small setting (staff)', type: 'integer', min: 1 },
  settingMemberMinimum: { label: 'NPA members a setting needs', type: 'integer', min: 1 },
  awardAtRiskDays: { label: 'Days to restore an award at risk', type: 'integer', min: 1 },
  renewalWindowDays: { label: 'Days before expiry a renewal may be opened', type: 'integer', min: 1, max: 365 },
  retentionYears: { label: 'Years a former member is kept after their last link ends', type: 'integer', min: 1, max: 100 },
  workshopBackdateDays: { label: 'Days back a trainer may schedule a workshop before NPA staff must confirm it', type: 'integer', min: 0, max: 3650 },
  renewalFirstReminderDaysBefore: { group: 'reminders', label: 'First award renewal reminder (days before expiry)', type: 'integer', min: 1, max: 365 },
  renewalSecondReminderDaysBefore: { group: 'reminders', label: 'Second award renewal reminder (days before expiry)', type: 'integer', min: 1, max: 365 },
  renewalLastReminderDaysBefore: { group: 'reminders', label: 'Last award renewal reminder (days before expiry)', type: 'integer', min: 1, max: 365 },
  membershipExpiringDaysBefore: { group: 'reminders', label: 'Membership expiring reminder (days before it ends)', type: 'integer', min: 1, max: 365 },
  supervisionDueDays: { group: 'reminders', label: 'Supervision due reminder (days since the last session)', type: 'integer', min: 1, max: 60 },
  awaitingReviewWorkingDays: {
    group: 'reminders',
    label: 'Application awaiting review, first reminder (working days after submission)',
    type: 'integer',
    min: 1,
    max: 60,
  },
  awaitingReviewRepeatDays: { group: 'reminders', label: 'Application awaiting review, repeated every (days)', type: 'integer', min: 1, max: 60 },
  informationRequestedDays: { group: 'reminders', label: 'Information requested, no answer (days after the request)', type: 'integer', min: 1, max: 90 },
  putRightDays: { group: 'periods', label: 'Days a service has to put right an essential rule (compliance letter)', type: 'integer', min: 1, max: 365 },
  answerWithinDays: { group: 'periods', label: 'Days a setting has to answer a request for information', type: 'integer', min: 1, max: 90 },
};

export const ruleParamsSchema: readonly RuleParamSpec[] = Object.freeze(
  (Object.keys(specs) as (keyof RuleParams)[]).map((name) => Object.freeze({ name, group: 'rules' as const, ...specs[name] })),
);

/**
 * What no single bound can say: the renewal reminders keep their order (each is named for its place in
 * the series), and "supervision due" comes before the day it is overdue. Checked on the whole set an edit
 * would bring into force.
 */
export function ruleParamsConflicts(params: RuleParams): { field: keyof RuleParams; problem: string }[] {
  const problems: { field: keyof RuleParams; problem: string }[] = [];
  if (params.renewalSecondReminderDaysBefore >= params.renewalFirstReminderDaysBefore)
    problems.push({
      field: 'renewalSecondReminderDaysBefore',
      problem: `must be fewer days than the first renewal reminder (${params.renewalFirstReminderDaysBefore})`,
    });
  if (params.renewalLastReminderDaysBefore >= params.renewalSecondReminderDaysBefore)
    problems.push({
      field: 'renewalLastReminderDaysBefore',
      problem: `must be fewer days than the second renewal reminder (${params.renewalSecondReminderDaysBefore})`,
    });
  if (params.supervisionDueDays > params.supervisionMaxGapDays)
    problems.push({
      field: 'supervisionDueDays',
      problem: `must be at most the longest gap between supervision sessions (${params.supervisionMaxGapDays}), the day before it is overdue`,
    });
  return problems;
}
