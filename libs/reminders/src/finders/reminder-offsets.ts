// Who a reminder can be addressed to and the offsets that decide when each kind falls due (DOMAIN.md,
// "Reminders and letters"), read from the versioned rule parameters an NPA admin edits. The kinds
// themselves are declared one file each in ../kinds.
import { DEFAULT_RULE_PARAMS, type RuleParams } from '@npa/compliance';

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

/** The award renewal reminders, named by how many days before expiry they fall due. */
export type RenewalKind = 'award-renewal-90' | 'award-renewal-30' | 'award-renewal-7';

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

/**
 * The offsets a set of rule parameters brings into force. Catching up, the day after expiry and the
 * annual return's notice are how the sweep works, not the Code's or the NPA's to tune, so stay fixed.
 */
export function reminderOffsets(params: RuleParams): Readonly<ReminderOffsets> {
  return Object.freeze({
    renewalDaysBefore: Object.freeze({
      'award-renewal-90': params.renewalFirstReminderDaysBefore,
      'award-renewal-30': params.renewalSecondReminderDaysBefore,
      'award-renewal-7': params.renewalLastReminderDaysBefore,
    }),
    expiredDaysAfter: 1,
    membershipExpiringDaysBefore: params.membershipExpiringDaysBefore,
    supervisionDueDays: params.supervisionDueDays,
    // Overdue the first day past the longest gap the Code allows.
    supervisionOverdueDays: params.supervisionMaxGapDays + 1,
    awaitingReviewWorkingDays: params.awaitingReviewWorkingDays,
    awaitingReviewRepeatDays: params.awaitingReviewRepeatDays,
    informationRequestedDays: params.informationRequestedDays,
    catchUpDays: 14,
    returnDueSoonDaysBefore: 30,
  });
}

export const DEFAULT_REMINDER_OFFSETS: Readonly<ReminderOffsets> = reminderOffsets(DEFAULT_RULE_PARAMS);
