/**
 * What a failed send means for the email: `transient`, try again later; `permanent`, it will never go;
 * `unknown`, the mail server may have it, so sending it again could deliver it twice.
 */
export type MailErrorKind = 'transient' | 'permanent' | 'unknown';

/**
 * How far the conversation with the server got: `envelope` until the server said "go ahead" to DATA
 * and the first byte of the message left; `data` from then on.
 */
export type MailStage = 'envelope' | 'data';

/** Network failures and timeouts: before the message was sent they say nothing about it. */
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
 * Decides whether a failed send may be retried. An SMTP reply decides first (RFC 5321: 4yz is "try
 * again later", 5yz is "this will never work"), at any stage: the server said what it did with it.
 * Without a reply, once the message data has started to go the server may have taken it (a reset
 * or a timeout while waiting for the final 250 is the classic duplicate), so it is `unknown`; before
 * that a network failure is transient, and anything else (a bad address, a message nodemailer refuses
 * to build) would fail the same way again.
 */
export function classifyMailError(error: unknown, stage: MailStage = 'envelope'): MailErrorKind {
  const failure = (error ?? {}) as SmtpFailure;
  const reply = failure.responseCode ?? replyCode(failure.response);
  if (reply !== undefined && reply >= 400 && reply < 500) return 'transient';
  if (reply !== undefined && reply >= 500 && reply < 600) return 'permanent';
  if (stage === 'data') return 'unknown';
  const codes = [failure.code, failure.originalCode, failure.errno].filter((c): c is string => typeof c === 'string');
  return codes.some((code) => NETWORK_CODES.has(code)) ? 'transient' : 'permanent';
}

function replyCode(response: string | undefined): number | undefined {
  const match = /^([2-5]\d\d)[ -]/.exec(response ?? '');
  return match ? Number(match[1]) : undefined;
}

/** What Mailer.send throws: the caller retries a transient one with backoff, gives up on a permanent one, and leaves an unknown one to staff. */
export class MailError extends Error {
  override readonly name = 'MailError';
  readonly kind: MailErrorKind;
  /** The SMTP reply code and text when a server answered, e.g. 550 "5.1.1 mailbox unavailable". */
  readonly smtpCode?: number;
  readonly smtpResponse?: string;

  constructor(
    cause: unknown,
    readonly stage: MailStage = 'envelope',
  ) {
    const failure = (cause ?? {}) as SmtpFailure;
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.kind = classifyMailError(cause, stage);
    this.smtpCode = failure.responseCode ?? replyCode(failure.response);
    this.smtpResponse = failure.response;
  }
}
