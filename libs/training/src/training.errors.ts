import { HttpStatus } from '@nestjs/common';
import type { IsoDate } from '@npa/platform';
import { conflict, DomainError, invalid } from '@npa/platform';

// The refusals of the training records, in one place so their wording stays consistent.

/** A period whose end comes before its start is a typo, not a state: 400 with the field named. */
export function assertInOrder(start: IsoDate, end: IsoDate, fields: { start: string; end: string }): void {
  if (end < start)
    throw invalid(`${fields.end} (${end}) is before ${fields.start} (${start}).`, [{ field: fields.end, problem: `must not be before ${fields.start}` }]);
}

export const alreadyTrainer = () =>
  conflict('TRAINER.EXISTS', 'This person is already a trainer; add an accreditation period to their trainer record instead.');

export const samePeriod = (from: IsoDate, to: IsoDate) =>
  conflict('ACCREDITATION.EXISTS', `This trainer already has an accreditation period from ${from} to ${to}.`);

export const alreadyAttends = (name: string) => conflict('ATTENDEE.EXISTS', `${name} already attends this workshop.`);

export const workshopFull = (capacity: number) =>
  conflict('WORKSHOP.FULL', `This workshop is full: all ${capacity} ${capacity === 1 ? 'place is' : 'places are'} taken.`);

/** Same answer for an unknown person and a person not on the list: nobody learns who exists. */
export const notAttendee = () => new DomainError('NOT_FOUND', HttpStatus.NOT_FOUND, 'This person is not an attendee of this workshop.');

export const tooEarly = (endDate: IsoDate) =>
  conflict('OUTCOME.BEFORE_LAST_DAY', `Outcomes can be recorded from the workshop's last day, ${endDate}; it has not come yet.`);

export const trainerNotAccredited = (startDate: IsoDate, endDate: IsoDate) =>
  conflict(
    'OUTCOME.TRAINER_NOT_ACCREDITED',
    `The trainer was not accredited on this workshop: no accreditation period covers both its first day (${startDate}) and its last (${endDate}), so its outcomes cannot be recorded.`,
  );

export const outcomeUnchanged = (outcome: string) =>
  conflict('OUTCOME.UNCHANGED', `This attendee's outcome is already "${outcome}"; a correction must change it.`);
