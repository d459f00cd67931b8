// The letters a Stamp of Approval application and award produce: the award and its certificate, a
// rejection, a request for information, and the notice of an award at risk or lapsed.
import { defineLetterKind, type IsoDate } from '@npa/platform';

export interface SettingRef {
  name: string;
  ofstedUrn: string;
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
  /** Expired only: the first day without the award, which verification reports. */
  lapsedOn?: IsoDate;
  actions: LapseAction[];
  /** At risk only: an expired award has no date left to act by. */
  actBy?: IsoDate;
}

declare module '@npa/platform' {
  interface LetterDataByKind {
    award: AwardData;
    'award-certificate': AwardCertificateData;
    rejection: RejectionData;
    'information-request': InformationRequestData;
    'lapse-notice': LapseNoticeData;
  }
}

const SETTING = { name: 'Little Acorns Day Nursery', ofstedUrn: 'EY498213' };
const TO_SETTING = { name: 'Rebecca Hale', organisation: SETTING.name, addressLines: ['3 Orchard Road', 'Bridgewater', 'NS3 9PL'] };
const settingName = (data: { setting: SettingRef }) => data.setting.name;

export const APPROVAL_LETTER_KINDS = [
  defineLetterKind({
    kind: 'award',
    title: 'Stamp of Approval awarded',
    subjectName: settingName,
    sample: { setting: SETTING, applicationKind: 'new', awardedOn: '2026-11-23', expiresOn: '2027-11-22', renewBy: '2027-09-23' },
    sampleRecipient: TO_SETTING,
  }),
  defineLetterKind({
    kind: 'award-certificate',
    title: 'Stamp of Approval certificate',
    subjectName: settingName,
    sample: { setting: SETTING, awardedOn: '2026-11-23', expiresOn: '2027-11-22' },
    sampleRecipient: TO_SETTING,
  }),
  defineLetterKind({
    kind: 'rejection',
    title: 'Stamp of Approval application: decision',
    subjectName: settingName,
    sample: {
      setting: SETTING,
      submittedOn: '2026-10-02',
      decidedOn: '2026-11-23',
      criteria: [
        {
          id: 'SA-PRINCIPLES',
          title: 'Portage Principles underpin the work with children with SEND',
          outcome: 'pass',
          reason: 'The statement and the key-person policy show the principles in daily practice.',
        },
        {
          id: 'SA-OFSTED',
          title: 'Most recent Ofsted report rated Good or Outstanding',
          outcome: 'fail',
          reason: 'The most recent inspection, on 12 June 2026, was rated Requires improvement.',
        },
        {
          id: 'SA-TRAINED',
          title: 'At least two staff trained',
          outcome: 'fail',
          reason: 'Only one current member of staff, Grace Obi, has completed a Portage Workshop; the setting needs two.',
        },
        {
          id: 'SA-MEMBER',
          title: 'At least one staff member holds NPA professional membership',
          outcome: 'pass',
          reason: 'Grace Obi holds NPA membership until 31 March 2027.',
        },
      ],
    },
    sampleRecipient: TO_SETTING,
  }),
  defineLetterKind({
    kind: 'information-request',
    title: 'Stamp of Approval application: information requested',
    subjectName: settingName,
    sample: {
      setting: SETTING,
      submittedOn: '2026-10-02',
      reviewerName: 'Helen Marsh',
      message:
        'Thank you for your statement on shared records. Could you send an anonymised example of a shared record page, with every name and detail of the child and family removed, and tell us how often it goes home with the family?',
      respondBy: '2026-12-07',
      replyUrl: 'https://backoffice.portage.org.uk/applications/5f2c1a7e',
    },
    sampleRecipient: TO_SETTING,
  }),
  defineLetterKind({
    kind: 'lapse-notice',
    title: 'Stamp of Approval lapse notice',
    subjectName: settingName,
    sample: {
      setting: SETTING,
      state: 'at_risk',
      awardedOn: '2026-03-02',
      expiresOn: '2027-03-01',
      actBy: '2027-01-04',
      actions: [
        {
          id: 'SA-TRAINED',
          title: 'At least two staff trained',
          explanation: 'Since Daniel Reid left on 31 October 2026, one current member of staff is Portage-trained; the setting needs two.',
          action: 'Book a member of staff onto a Portage Workshop with an NPA-Accredited Trainer, and tell us the date.',
        },
      ],
    },
    sampleRecipient: TO_SETTING,
  }),
];
