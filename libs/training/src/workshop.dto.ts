import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import type { IsoDate } from '@npa/platform';
import { PageQuery, AbsentWith, IsIsoDate } from '@npa/platform';
import type { Person } from '@npa/registry';
import type { Attendee } from './attendee.entity';
import { OUTCOMES, type Outcome, type OutcomeKind } from './outcome.entity';
import type { Workshop } from './workshop.entity';

const NOT_BLANK = /\S/;

export class CreateWorkshopDto {
  @ApiProperty({ description: 'The id POST /trainers returned; a trainer may name only their own' })
  @IsUUID()
  trainerId: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-04-01' })
  @IsIsoDate()
  startDate: IsoDate;

  @ApiProperty({ type: String, format: 'date', example: '2026-04-01' })
  @IsIsoDate()
  endDate: IsoDate;

  @ApiProperty({ description: 'A place, or "online"' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(300)
  venue: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  online?: boolean;
}

export class WorkshopQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Workshops still running on or after this day' })
  @IsOptional()
  @IsIsoDate()
  from?: IsoDate;

  @ApiPropertyOptional({ format: 'date', description: 'Workshops begun on or before this day' })
  @IsOptional()
  @IsIsoDate()
  to?: IsoDate;
}

/** Exactly one form: an existing person, or a name and email to match or add (400 for both or neither). */
export class AddAttendeeDto {
  @ApiPropertyOptional({ description: 'An existing person; or send name and email instead' })
  @ValidateIf((o: AddAttendeeDto) => o.personId !== undefined || (o.name === undefined && o.email === undefined))
  @IsUUID(undefined, { message: 'must be the id of a person (or send name and email instead)' })
  personId?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: AddAttendeeDto) => o.name !== undefined || (o.personId === undefined && o.email !== undefined))
  @AbsentWith('personId')
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: AddAttendeeDto) => o.email !== undefined || (o.personId === undefined && o.name !== undefined))
  @AbsentWith('personId')
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class RecordOutcomeDto {
  @ApiProperty()
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome: OutcomeKind;
}

export class WorkshopView {
  id: string;
  trainerId: string;
  trainerName: string;
  startDate: IsoDate;
  endDate: IsoDate;
  venue: string;
  online: boolean;
  capacity: number;
  attendeeCount: number;
  /** One accreditation period of the trainer holds the whole workshop: without it no outcome can be recorded. */
  trainerAccredited: boolean;
  /** Scheduled by its trainer too far in the past: its completions count once NPA staff confirm it. */
  awaitingConfirmation: boolean;
}

export class AttendeeView {
  id: string;
  workshopId: string;
  personId: string;
  name: string;
  email: string;
}

/** An attendee as the workshop page lists them: with what their record says now. */
export class AttendeeLine {
  id: string;
  personId: string;
  name: string;
  email: string;
  outcome: OutcomeKind | null;
  certificateCode: string | null;
}

export class WorkshopDetailView extends WorkshopView {
  attendees: AttendeeLine[];
}

export class OutcomeView {
  id: string;
  workshopId: string;
  personId: string;
  outcome: OutcomeKind;
  certificateCode: string | null;
  supersedesId: string | null;
  recordedAt: string;
  current: boolean;
}

export class CertificateView {
  name: string;
  workshopEndDate: IsoDate;
  trainerName: string;
  valid: boolean;
  /** Present once a correction has withdrawn the certificate: when it was recorded. */
  withdrawnAt?: string;
}

export const toWorkshopView = (w: Workshop, trainerName: string, attendeeCount: number, trainerAccredited: boolean): WorkshopView => ({
  id: w.id,
  trainerId: w.trainerId,
  trainerName,
  startDate: w.startDate,
  endDate: w.endDate,
  venue: w.venue,
  online: w.online,
  capacity: w.capacity,
  attendeeCount,
  trainerAccredited,
  awaitingConfirmation: w.awaitingConfirmation,
});

export const toAttendeeView = (a: Attendee, person: Person): AttendeeView => ({
  id: a.id,
  workshopId: a.workshopId,
  personId: person.id,
  name: person.name,
  email: person.email,
});

export const toAttendeeLine = (a: Attendee, person: Person, current: Outcome | undefined): AttendeeLine => ({
  id: a.id,
  personId: person.id,
  name: person.name,
  email: person.email,
  outcome: current?.outcome ?? null,
  certificateCode: current?.certificateCode ?? null,
});

export const toOutcomeView = (o: Outcome, current: boolean): OutcomeView => ({
  id: o.id,
  workshopId: o.workshopId,
  personId: o.personId,
  outcome: o.outcome,
  certificateCode: o.certificateCode,
  supersedesId: o.supersedesId,
  recordedAt: o.recordedAt.toISOString(),
  current,
});
