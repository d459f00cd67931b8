import type { MailError } from '@npa/platform';

/**
 * Why an email is given up on, for the staff who read its delivery. "Refused by the mail server" only
 * when a server answered so: a message nodemailer would not build or address never reached one, and
 * would fail the same way if sent again.
 */
export function givenUpReason(error: Pick<MailError, 'kind' | 'smtpCode' | 'smtpResponse' | 'message'>): string {
  const why = error.smtpResponse ?? error.message;
  if (error.kind !== 'permanent') return `Gave up after repeated temporary failures: ${why}`;
  if (error.smtpCode !== undefined) return `Refused by the mail server: ${why}`;
  return `Could not be sent, and would fail the same way again: ${why}`;
}
