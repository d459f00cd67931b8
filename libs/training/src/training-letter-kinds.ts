// The certificate of a completed Portage Workshop, sent to the practitioner. Declared here, through
// platform, because training sits below the letters lib and may not import it.
import { defineLetterKind, type IsoDate } from '@npa/platform';

export interface WorkshopCertificateData {
  name: string;
  workshop: { startDate: IsoDate; endDate: IsoDate; venue: string };
  trainer: { name: string };
  /** The code GET /certificates/{code} answers for; the letter's own verification code is separate. */
  certificateCode: string;
}

declare module '@npa/platform' {
  interface LetterDataByKind {
    'workshop-certificate': WorkshopCertificateData;
  }
}

export const TRAINING_LETTER_KINDS = [
  defineLetterKind({
    kind: 'workshop-certificate',
    title: 'Portage Workshop certificate',
    subjectName: (data) => data.name,
    sample: {
      name: 'Grace Obi',
      workshop: { startDate: '2026-11-02', endDate: '2026-11-06', venue: 'Northshire County Hall, Bridgewater' },
      trainer: { name: 'Margaret Ellison' },
      certificateCode: 'NPA-K7QP3-MWX9T',
    },
    sampleRecipient: { name: 'Grace Obi', addressLines: ['14 Mill Lane', 'Bridgewater', 'NS4 7TQ'] },
  }),
];
