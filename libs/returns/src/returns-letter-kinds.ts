// The national snapshot of a reporting year, as a report: every figure worded once, by the returns module.
import { defineLetterKind, type IsoDate } from '@npa/platform';

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

declare module '@npa/platform' {
  interface LetterDataByKind {
    'national-snapshot': NationalSnapshotData;
  }
}

export const RETURNS_LETTER_KINDS = [
  defineLetterKind({
    kind: 'national-snapshot',
    title: 'National snapshot of Portage services',
    subjectName: (data) => data.yearLabel,
    sample: {
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
    sampleRecipient: { name: 'Rebecca Hale', organisation: 'Little Acorns Day Nursery', addressLines: ['3 Orchard Road', 'Bridgewater', 'NS3 9PL'] },
  }),
];
