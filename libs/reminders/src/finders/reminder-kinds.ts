// Every reminder the daily sweep can send: who it goes to, how it is titled, and, in one typed const,
// the offsets that decide when it falls due (DOMAIN.md, "Reminders and letters"). The offsets are the
// Code's defaults; they are kept together so they can become rule parameters later.

/** Who a reminder is addressed to, resolved from the users table or the register at sweep time. */
export type RecipientGroup =
  /** Active users with role setting_contact whose organisation is the setting. */
  | 'setting_contacts'
  /** Active users with role npa_reviewer. */
  | 'npa_reviewers'
  /** Active users with role service_manager whose organisation is the service. */
  | 'service_managers'
  /** The person the membership belongs to (people.email). */
  | 'member'
  /** Who led the practitioner's last session, else the service's active supervisors (people.email). */
  | 'supervisor';

export const REMINDER_KINDS = [
  { kind: 'award-renewal-90', to: ['setting_contacts'], title: 'Your Stamp of Approval expires in 90 days: time to apply to renew' },
  { kind: 'award-renewal-30', to: ['setting_contacts'], title: 'Your Stamp of Approval expires in 30 days' },
  { kind: 'award-renewal-7', to: ['setting_contacts'], title: 'Your Stamp of Approval expires in 7 days' },
  { kind: 'award-expired', to: ['setting_contacts', 'npa_reviewers'], title: 'The Stamp of Approval has expired' },
  { kind: 'award-at-risk', to: ['setting_contacts', 'npa_reviewers'], title: 'The Stamp of Approval is at risk' },
  { kind: 'membership-expiring', to: ['member', 'service_managers'], title: 'NPA membership expires in 30 days' },
  { kind: 'supervision-due', to: ['supervisor', 'service_managers'], title: 'Supervision is due' },
  { kind: 'supervision-overdue', to: ['supervisor', 'service_managers'], title: 'Supervision is overdue: more than a fortnight since the last session' },
  { kind: 'induction-overdue', to: ['service_managers'], title: 'The induction period ended without the NPA induction checklist' },
  { kind: 'application-awaiting-review', to: ['npa_reviewers'], title: 'A Stamp of Approval application is waiting for review' },
  { kind: 'information-requested-no-answer', to: ['setting_contacts'], title: 'The NPA is still waiting for the information it asked for' },
  { kind: 'return-window-open', to: ['service_managers'], title: 'Your annual return is open for filing' },
  { kind: 'return-due-soon', to: ['service_managers'], title: 'Your annual return is due in 30 days' },
  { kind: 'return-overdue', to: ['service_managers'], title: 'Your annual return is overdue' },
] as const satisfies readonly { kind: string; to: readonly RecipientGroup[]; title: string }[];

export type ReminderKind = (typeof REMINDER_KINDS)[number]['kind'];

export const reminderKind = (kind: ReminderKind) => REMINDER_KINDS.find((k) => k.kind === kind)!;

export const isReminderKind = (value: string): value is ReminderKind => REMINDER_KINDS.some((k) => k.kind === value);

export type RenewalKind = Extract<ReminderKind, `award-renewal-${string}`>;

export interface ReminderOffsets {
  /** Days before an award's expiresOn on which each renewal reminder falls due. */
  renewalDaysBefore: Record<RenewalKind, number>;
  /** Days after expiresOn: 1 is the first day the award is expired. */
  expiredDaysAfter: number;
  /** Days before a membership's end date. */
  membershipExpiringDaysBefore: number;
  /** Days after the last supervision session (or the start date when there is none). */
  supervisionDueDays: number;
  /** Past the Code's 14-day gap. */
  supervisionOverdueDays: number;
  /** Working days (Monday to Friday) after submission before the first reminder. */
  awaitingReviewWorkingDays: number;
  /** Then again every this many days while the application stays submitted. */
  awaitingReviewRepeatDays: number;
  /** Days after the latest request for information. */
  informationRequestedDays: number;
  /**
   * How late a missed reminder may still be sent: due when dueOn <= asOf <= dueOn + catchUpDays. Award
   * renewals catch up instead until the next renewal reminder takes over or the award expires.
   */
  catchUpDays: number;
  /** Days before a year's return is due for the "due soon" reminder. */
  returnDueSoonDaysBefore: number;
}

export const DEFAULT_REMINDER_OFFSETS: Readonly<ReminderOffsets> = Object.freeze({
  renewalDaysBefore: Object.freeze({ 'award-renewal-90': 90, 'award-renewal-30': 30, 'award-renewal-7': 7 }),
  expiredDaysAfter: 1,
  membershipExpiringDaysBefore: 30,
  supervisionDueDays: 10,
  supervisionOverdueDays: 15,
  awaitingReviewWorkingDays: 10,
  awaitingReviewRepeatDays: 7,
  informationRequestedDays: 14,
  catchUpDays: 14,
  returnDueSoonDaysBefore: 30,
});
