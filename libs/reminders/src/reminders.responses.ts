// What the reminders routes answer with, as classes so the OpenAPI document is generated from them; the
// controller returns these types, so a service answer that stops matching fails the typecheck.
import { ApiProperty } from '@nestjs/swagger';
import { REMINDER_STATES } from './reminders.dto';

const DAY = { format: 'date', example: '2026-04-01' } as const;
const TIME = { format: 'date-time', example: '2026-04-01T09:30:00.000Z' } as const;

/** What a reminder is about. */
export class ReminderSubjectResponse {
  /** @example setting */
  kind: string;
  id: string;
}

/** The service or setting whose reminders list shows it. */
export class ReminderOrganisationResponse {
  @ApiProperty({ enum: ['service', 'setting'] })
  kind: string;
  id: string | null;
}

export class ReminderResponse {
  id: string;
  /** @example return-due-soon */
  kind: string;
  @ApiProperty(DAY)
  dueOn: string;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  sentAt: string | null;
  /** The email addresses it goes to. */
  recipients: string[];
  /** pending is due and not yet sent; then its email's state. */
  @ApiProperty({ enum: REMINDER_STATES })
  state: string;
  /** Why it failed, is unknown or was suppressed. */
  reason: string | null;
  /** The version of the rule parameters whose offsets found it. */
  parameterVersion: number | null;
  subject: ReminderSubjectResponse;
  organisation: ReminderOrganisationResponse | null;
  /** The email made for it, once the worker has composed it. */
  letterId: string | null;
  @ApiProperty(TIME)
  recordedAt: string;
}

export class RemindersPageResponse {
  items: ReminderResponse[];
  page: number;
  pageSize: number;
  total: number;
  /** How many reminders are in each state, across the register. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { pending: 3, sent: 120 } })
  counts: Record<string, number>;
}

/** What a sweep found and recorded; the worker sends the reminders it found. */
export class SweepSummaryResponse {
  @ApiProperty(DAY)
  asOf: string;
  /** Services evaluated. */
  services: number;
  /** Settings evaluated. */
  settings: number;
  nonCompliant: number;
  /** Services whose compliance status changed. */
  statusChanges: number;
  remindersDue: number;
  /** Due reminders not recorded before (the others were found by an earlier sweep). */
  remindersNew: number;
  /** New reminders with nobody to send them to. */
  unreachable: number;
  /** New reminders by kind. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'return-due-soon': 2 } })
  newByKind: Record<string, number>;
}
