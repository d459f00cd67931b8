// Realistic letters for previews and tests. Staff and organisations only: the NPA holds no child's or
// family's data, and no letter ever names one.
import type { LetterData, LetterKind, LetterMeta } from './letter-kinds';

const SETTING = { name: 'Little Acorns Day Nursery', ofstedUrn: 'EY498213' };

const SAMPLES: { [K in LetterKind]: LetterData<K> } = {
  'registration-compliance': {
    service: { name: 'Northshire Portage Service', registrationNumber: 'NPA-REG-0042' },
    asOf: '2026-11-23',
    status: 'non_compliant',
    parameterVersion: 1,
    rules: [
      {
        id: 'SR-MEMBERSHIP',
        title: 'At least three current NPA members in the team',
        level: 'essential',
        outcome: 'pass',
        explanation: '4 of the 7 team members are current NPA members: Amira Khan, Tom Bell, Priya Nair and Jo Walsh.',
      },
      {
        id: 'SR-WORKSHOP',
        title: 'Every practitioner has completed a Portage Workshop from an NPA-Accredited Trainer',
        level: 'essential',
        outcome: 'fail',
        explanation: 'Sam Hughes, past their induction period since 14 October 2026, has no Portage Workshop completion from an NPA-Accredited Trainer.',
        action: 'Book Sam Hughes onto a Portage Workshop with an NPA-Accredited Trainer and record the completion.',
        actBy: '2027-01-31',
      },
      {
        id: 'SR-SUPERVISION',
        title: 'Regular supervision, at least fortnightly, for every practitioner',
        level: 'essential',
        outcome: 'fail',
        explanation: 'Tom Bell went 19 days without supervision, from 2 October to 21 October 2026 (at most 14 allowed).',
        action: 'Hold supervision with every practitioner at least every 14 days and record each session in the supervision log.',
        actBy: '2026-12-07',
      },
      {
        id: 'SR-SUPERVISOR-TRAINED',
        title: 'Supervisors have completed a Portage Workshop from an NPA-Accredited Trainer',
        level: 'essential',
        outcome: 'pass',
        explanation: 'Both supervisors who led sessions in the last 90 days, Amira Khan and Jo Walsh, are trained.',
      },
      {
        id: 'SR-INDUCTION',
        title: 'New practitioners complete an induction period with the NPA induction checklist',
        level: 'essential',
        outcome: 'not_applicable',
        explanation: 'Nobody has joined the team in the 12 months up to 23 November 2026.',
      },
      {
        id: 'SR-CASELOAD',
        title: 'Caseload takes hours into account',
        level: 'desirable',
        outcome: 'pass',
        explanation: 'Every practitioner’s caseload is within 17 families per full-time post.',
      },
      {
        id: 'SR-NETWORKING',
        title: 'The team attends regional networking days, regional meetings and the Development Day',
        level: 'desirable',
        outcome: 'fail',
        explanation: 'No attendance at a networking day, regional meeting or the Development Day is recorded in the last 12 months.',
        action: 'Send a member of the team to the next regional networking day.',
      },
    ],
  },
  award: { setting: SETTING, applicationKind: 'new', awardedOn: '2026-11-23', expiresOn: '2027-11-22', renewBy: '2027-09-23' },
  'award-certificate': { setting: SETTING, awardedOn: '2026-11-23', expiresOn: '2027-11-22' },
  rejection: {
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
  'information-request': {
    setting: SETTING,
    submittedOn: '2026-10-02',
    reviewerName: 'Helen Marsh',
    message:
      'Thank you for your statement on shared records. Could you send an anonymised example of a shared record page, with every name and detail of the child and family removed, and tell us how often it goes home with the family?',
    respondBy: '2026-12-07',
    replyUrl: 'https://backoffice.portage.org.uk/applications/5f2c1a7e',
  },
  'lapse-notice': {
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
  'workshop-certificate': {
    name: 'Grace Obi',
    workshop: { startDate: '2026-11-02', endDate: '2026-11-06', venue: 'Northshire County Hall, Bridgewater' },
    trainer: { name: 'Margaret Ellison' },
  },
  reminder: {
    heading: 'Your Stamp of Approval expires in 30 days',
    about: 'Little Acorns Nursery',
    paragraphs: [
      'The Stamp of Approval awarded to Little Acorns Nursery runs until 1 March 2027.',
      'To keep it without a gap, open a renewal application on the NPA back-office, complete each criterion with a statement and evidence, and submit it.',
    ],
    dueOn: '2027-01-30',
    actBy: '2027-03-01',
  },
  'national-snapshot': {
    yearLabel: '2024/25',
    provisional: false,
    asOf: '2025-09-30',
    previousYearLabel: '2023/24',
    lines: [
      { label: 'Portage services registered with the NPA', value: '101', previous: '104', change: '−3 (−3%)' },
      { label: 'Local authorities with a registered Portage service', value: '32%', detail: '101 of 317 local authorities', previous: '33%' },
      { label: 'Services holding a waiting list', value: '100%', detail: '101 of 101 returns filed', previous: '98%' },
      { label: 'Referrals accepted', value: '14,000', previous: '12,950', change: '+1,050 (+8%)' },
      { label: 'Children who received a Portage intervention', value: '13,204', previous: '12,870', change: '+334 (+3%)' },
      { label: 'Cost per child supported', value: '£2,400', detail: 'all costs divided by all children supported', previous: '£2,350', change: '+£50 (+2%)' },
    ],
    regions: [
      { region: 'East of England', authorities: 45, authoritiesCovered: 6, services: 6, percent: 13 },
      { region: 'North East', authorities: 12, authoritiesCovered: 9, services: 9, percent: 75 },
    ],
    regionsWithoutService: [],
    missing: ['Northshire Portage Service'],
  },
};

export function sampleData<K extends LetterKind>(kind: K): LetterData<K> {
  return structuredClone(SAMPLES[kind]);
}

export function sampleMeta(kind: LetterKind): LetterMeta {
  const toService = kind === 'registration-compliance';
  const toPerson = kind === 'workshop-certificate';
  return {
    letterDate: '2026-11-23',
    verificationCode: 'NPA-7KQ2M-X4H9P',
    recipient: toPerson
      ? { name: 'Grace Obi', addressLines: ['14 Mill Lane', 'Bridgewater', 'NS4 7TQ'] }
      : toService
        ? { name: 'Claire Dawson', organisation: 'Northshire Portage Service', addressLines: ['Children’s Services, County Hall', 'Bridgewater', 'NS1 2AB'] }
        : { name: 'Rebecca Hale', organisation: SETTING.name, addressLines: ['3 Orchard Road', 'Bridgewater', 'NS3 9PL'] },
    signatory: { name: 'Dr Anne Whitfield', role: 'Chair of the Registration Committee' },
  };
}
