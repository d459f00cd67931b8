// What the letters routes answer with, as classes so the OpenAPI document is generated from them; the
// controller returns these types, so a service answer that stops matching fails the typecheck.
import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATES } from './letters.dto';

const DAY = { format: 'date', example: '2026-04-01' } as const;
const TIME = { format: 'date-time', example: '2026-04-01T09:30:00.000Z' } as const;

/** A letter or email made for a service, setting or person, latest first. */
export class LetterSummaryResponse {
  id: string;
  /** @example award */
  kind: string;
  title: string;
  @ApiProperty(TIME)
  createdAt: string;
  /** When its email was sent; null until then (or when it is not sent). */
  @ApiProperty({ ...TIME, type: String, nullable: true })
  sentAt: string | null;
  /** The version of the letter's template it was made with. */
  templateVersion: number;
  /** The version of the rule parameters (offsets and periods) it used; null when it states no period. */
  parameterVersion: number | null;
  /** The code printed on the letter, checked at /letters/verify/{code}. */
  verificationCode: string;
  /** False while the worker is still composing it. */
  ready: boolean;
  /** pdf: a signed letter, at /letters/{id}.pdf (and .html); html: an email-only reminder, at /letters/{id}.html only. */
  format: 'pdf' | 'html';
  /** Where its email stands; null before one is made. */
  @ApiProperty({ enum: DELIVERY_STATES, nullable: true })
  delivery: string | null;
}

export class MailDeliveryResponse {
  id: string;
  letterId: string;
  letterKind: string;
  /** Whom or what the letter is about. */
  about: string;
  @ApiProperty({ enum: DELIVERY_STATES })
  state: string;
  /** The email's subject line. */
  subject: string;
  /** The addresses it goes to. */
  recipients: string[];
  attempts: number;
  /** Why it failed or is unknown or suppressed. */
  reason: string | null;
  /** The SMTP server's message id once accepted. */
  messageId: string | null;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  sentAt: string | null;
  @ApiProperty(TIME)
  createdAt: string;
}

export class MailDeliveriesResponse {
  items: MailDeliveryResponse[];
  page: number;
  pageSize: number;
  total: number;
}

/** What anyone holding the paper may learn: what it is, for whom, when, and whether it still stands. */
export class LetterVerificationResponse {
  /** @example NPA-K7QF2-M9XAB */
  code: string;
  kind: string;
  title: string;
  /** The service, setting or person it was issued to. */
  issuedTo: string;
  @ApiProperty(DAY)
  issuedOn: string;
  /** Whether the letter still stands today (a later letter or an expiry can replace it). */
  stands: boolean;
  /** Why it stands or not, in a sentence. */
  why: string;
  @ApiProperty(DAY)
  checkedOn: string;
}

export class LetterTemplateSummaryResponse {
  kind: string;
  currentVersion: number;
  /** null while the version shipped with the system has not been written to the table. */
  @ApiProperty({ ...TIME, type: String, nullable: true })
  publishedAt: string | null;
}

export class LetterTemplateVersionResponse {
  kind: string;
  version: number;
  /** The letter's body (Handlebars HTML). */
  body: string;
  /** The plain-text email (Handlebars). */
  text: string;
  note: string | null;
  /** The admin's user id; null for the version shipped with the system. */
  publishedBy: string | null;
  @ApiProperty(TIME)
  publishedAt: string;
}

/** A template rendered with sample data. */
export class LetterPreviewResponse {
  kind: string;
  templateVersion: number;
  /** The email's subject line. */
  subject: string;
  html: string;
  /** The email's plain-text part. */
  text: string;
}

export class PublishedLetterTemplateResponse {
  kind: string;
  version: number;
  @ApiProperty(TIME)
  publishedAt: string;
}
