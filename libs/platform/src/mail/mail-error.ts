export type MailErrorKind = 'transient' | 'permanent';

/** Network failures that say nothing about the message: the same message may go through later. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  // nodemailer's own names for a dropped connection, a socket or DNS failure and a timeout
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
]);

interface SmtpFailure {
  code?: string;
  originalCode?: string;
  errno?: string | number;
  responseCode?: number;
  response?: string;
}

/**
 * Decides whether a failed send is worth retrying. An SMTP reply decides first (RFC 5321: 4yz is
 * "try again later", 5yz is "this will never work"); without a reply a network failure is transient;
 * anything else (a bad address, a message nodemailer refuses to build) would fail the same way again.
 */
export function classifyMailError(error: unknown): MailErrorKind {
  const failure = (error ?? {}) as SmtpFailure;
  const reply = failure.responseCode ?? replyCode(failure.response);
  if (reply !== undefined && reply >= 400 && reply < 500) return 'transient';
  if (reply !== undefined && reply >= 500 && reply < 600) return 'permanent';
  const codes = [failure.code, failure.originalCode, failure.errno].filter((c): c is string => typeof c === 'string');
  return codes.some((code) => NETWORK_CODES.has(code)) ? 'transient' : 'permanent';
}

function replyCode(response: string | undefined): number | undefined {
  const match = /^([2-5]\d\d)[ -]/.exec(response ?? '');
  return match ? Number(match[1]) : undefined;
}

/** What Mailer.send throws: the caller retries a transient one with backoff and gives up on a permanent one. */
export class MailError extends Error {
  override readonly name = 'MailError';
  readonly kind: MailErrorKind;
  /** The SMTP reply code and text when a server answered, e.g. 550 "5.1.1 mailbox unavailable". */
  readonly smtpCode?: number;
  readonly smtpResponse?: string;

  constructor(cause: unknown) {
    const failure = (cause ?? {}) as SmtpFailure;
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.kind = classifyMailError(cause);
    this.smtpCode = failure.responseCode ?? replyCode(failure.response);
    this.smtpResponse = failure.response;
  }
}
