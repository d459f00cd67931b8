// Every letter the NPA signs, with the data each one needs. The data is a snapshot taken when the
// letter is composed, so a letter re-rendered later says exactly what it said the first time.
import type { IsoDate } from '@npa/platform';

export const LETTER_KINDS = [
  'registration-compliance',
  'award',
  'award-certificate',
  'rejection',
  'information-request',
  'lapse-notice',
  'workshop-certificate',
  'reminder',
  'national-snapshot',
] as const;

export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * Letters are documents the NPA signs, printed to PDF and emailed as an attachment; a reminder is
 * "sent as email" (DOMAIN.md), so it is kept as HTML and sent as the email's own body, never printed.
 */
const EMAIL_ONLY: ReadonlySet<string> = new Set<LetterKind>(['reminder']);
export const isPrinted = (kind: string): boolean => !EMAIL_ONLY.has(kind);

/** Shown in the letter's <title> and as the email's subject, before the organisation's name. */
export const LETTER_TITLES: Record<LetterKind, string> = {
  'registration-compliance': 'Registration compliance',
  award: 'Stamp of Approval awarded',
  'award-certificate': 'Stamp of Approval certificate',
  rejection: 'Stamp of Approval application: decision',
  'information-request': 'Stamp of Approval application: information requested',
  'lapse-notice': 'Stamp of Approval: action needed',
  'workshop-certificate': 'Portage Workshop certificate',
  reminder: 'Reminder',
  'national-snapshot': 'National snapshot of Portage services',
};

/** What every letter carries besides its own facts: who it is to, when, who signs, how to verify it. */
export interface LetterMeta {
  letterDate: IsoDate;
  /** Printed in the footer; anyone holding the paper checks it at <verifyBaseUrl>/letters/verify/<code>. */
  verificationCode: string;
  recipient: Recipient;
  signatory: Signatory;
}

export interface Recipient {
  name: string;
  organisation?: string;
  addressLines: string[];
}

export interface Signatory {
  name: string;
  role: string;
}

export interface ServiceRef {
  name: string;
  registrationNumber: string;
}

export interface SettingRef {
  name: string;
  ofstedUrn: string;
}

export interface ComplianceRuleLine {
  id: string;
  title: string;
  level: 'essential' | 'desirable';
  outcome: 'pass' | 'fail' | 'not_applicable';
  explanation: string;
  /** On a failed rule: what the service must do, and by when. */
  action?: string;
  actBy?: IsoDate;
}

export interface RegistrationComplianceData {
  service: ServiceRef;
  asOf: IsoDate;
  status: 'compliant' | 'non_compliant';
  parameterVersion: number;
  rules: ComplianceRuleLine[];
}

export interface AwardData {
  setting: SettingRef;
  applicationKind: 'new' | 'renewal';
  awardedOn: IsoDate;
  expiresOn: IsoDate;
  /** When the setting should apply to renew so the award does not lapse. */
  renewBy: IsoDate;
}

export interface AwardCertificateData {
  setting: SettingRef;
  awardedOn: IsoDate;
  expiresOn: IsoDate;
}

export interface CriterionDecision {
  id: string;
  title: string;
  outcome: 'pass' | 'fail';
  reason: string;
}

export interface RejectionData {
  setting: SettingRef;
  submittedOn: IsoDate;
  decidedOn: IsoDate;
  criteria: CriterionDecision[];
}

export interface InformationRequestData {
  setting: SettingRef;
  submittedOn: IsoDate;
  reviewerName: string;
  message: string;
  respondBy: IsoDate;
  replyUrl: string;
}

export interface LapseAction {
  id: string;
  title: string;
  explanation: string;
  action: string;
}

export interface LapseNoticeData {
  setting: SettingRef;
  state: 'at_risk' | 'expired';
  awardedOn: IsoDate;
  expiresOn: IsoDate;
  actions: LapseAction[];
  actBy: IsoDate;
}

export interface WorkshopCertificateData {
  name: string;
  workshop: { startDate: IsoDate; endDate: IsoDate; venue: string };
  trainer: { name: string };
}

/** A reminder found by the daily sweep (renewal due, membership expiring, supervision due...). */
export interface ReminderData {
  /** The reminder's own heading, e.g. "Your Stamp of Approval expires in 30 days". */
  heading: string;
  /** The organisation or person it is about, for the subject line and the letter. */
  about: string;
  paragraphs: string[];
  dueOn: IsoDate;
  actBy?: IsoDate;
}

/** The national snapshot of a reporting year as a report: every figure worded once, by the returns module. */
export interface NationalSnapshotData {
  /** "2024/25". */
  yearLabel: string;
  provisional: boolean;
  /** The day the figures were taken. */
  asOf: IsoDate;
  lines: { label: string; value: string; detail?: string; previous?: string; change?: string }[];
  previousYearLabel?: string;
  regions: { region: string; authorities: number; authoritiesCovered: number; services: number; percent: number }[];
  regionsWithoutService: string[];
  missing: string[];
}

export interface LetterDataByKind {
  'registration-compliance': RegistrationComplianceData;
  award: AwardData;
  'award-certificate': AwardCertificateData;
  rejection: RejectionData;
  'information-request': InformationRequestData;
  'lapse-notice': LapseNoticeData;
  'workshop-certificate': WorkshopCertificateData;
  reminder: ReminderData;
  'national-snapshot': NationalSnapshotData;
}

export type LetterData<K extends LetterKind = LetterKind> = LetterDataByKind[K];
