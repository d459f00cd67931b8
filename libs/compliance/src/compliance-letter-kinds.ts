// The letter compliance sends: a service's registration compliance, rule by rule, as of a day.
import { defineLetterKind, type IsoDate } from '@npa/platform';

export interface ServiceRef {
  name: string;
  registrationNumber: string;
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

declare module '@npa/platform' {
  interface LetterDataByKind {
    'registration-compliance': RegistrationComplianceData;
  }
}

export const COMPLIANCE_LETTER_KINDS = [
  defineLetterKind({
    kind: 'registration-compliance',
    title: 'Registration compliance',
    subjectName: (data) => data.service.name,
    sample: {
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
    sampleRecipient: {
      name: 'Claire Dawson',
      organisation: 'Northshire Portage Service',
      addressLines: ['Children’s Services, County Hall', 'Bridgewater', 'NS1 2AB'],
    },
  }),
];
