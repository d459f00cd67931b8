import { classifyMailError, MailError } from './mail-error';

const withCode = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(code), { code, ...extra });

describe(classifyMailError.name, () => {
  it.each([
    ['421 service closing', withCode('ECONNECTION', { responseCode: 421, response: '421 4.3.2 Shutting down' }), 'transient'],
    ['450 mailbox busy', withCode('EENVELOPE', { responseCode: 450 }), 'transient'],
    ['451 local error', withCode('EMESSAGE', { responseCode: 451 }), 'transient'],
    ['452 out of storage', withCode('EENVELOPE', { responseCode: 452 }), 'transient'],
    ['a 4xx reply known only from its text', withCode('EMESSAGE', { response: '454 4.7.0 TLS not available' }), 'transient'],
    ['550 no such mailbox', withCode('EENVELOPE', { responseCode: 550 }), 'permanent'],
    ['552 too large', withCode('EMESSAGE', { responseCode: 552 }), 'permanent'],
    ['554 rejected as spam', withCode('EMESSAGE', { responseCode: 554 }), 'permanent'],
    ['535 bad credentials', withCode('EAUTH', { responseCode: 535 }), 'permanent'],
    ['a 5xx reply known only from its text', withCode('EMESSAGE', { response: '553 5.1.3 bad address' }), 'permanent'],
    ['connection refused', withCode('ECONNREFUSED'), 'transient'],
    ['refused, as nodemailer reports it', withCode('ESOCKET', { originalCode: 'ECONNREFUSED' }), 'transient'],
    ['timeout', withCode('ETIMEDOUT'), 'transient'],
    ['reset', withCode('ECONNRESET'), 'transient'],
    ['DNS not answering', withCode('EAI_AGAIN'), 'transient'],
    ['DNS failure, as nodemailer reports it', withCode('EDNS'), 'transient'],
    ['connection dropped', withCode('ECONNECTION'), 'transient'],
    ['no recipients', withCode('EENVELOPE'), 'permanent'],
    ['an error with no code', new Error('boom'), 'permanent'],
    ['not an error at all', 'boom', 'permanent'],
  ])('%s is %s', (_case, error, kind) => {
    expect(classifyMailError(error)).toBe(kind);
    expect(classifyMailError(error, 'envelope')).toBe(kind);
  });

  // Once the message data has gone the server may have it: only its own reply says what became of it.
  it.each([
    ['a reset while waiting for the final reply', withCode('ECONNRESET'), 'unknown'],
    ['a timeout while waiting for the final reply', withCode('ETIMEDOUT'), 'unknown'],
    ['the socket timing out, as nodemailer reports it', withCode('ETIMEDOUT', { command: 'DATA' }), 'unknown'],
    ['the connection closed, as nodemailer reports it', withCode('ECONNECTION'), 'unknown'],
    ['a broken pipe mid-message', withCode('EPIPE'), 'unknown'],
    ['the message stream failing mid-way', withCode('ESTREAM'), 'unknown'],
    ['an error with no code', new Error('boom'), 'unknown'],
    ['451 after the data: the server kept nothing', withCode('EMESSAGE', { responseCode: 451 }), 'transient'],
    ['421 after the data, closing', withCode('ECONNECTION', { responseCode: 421 }), 'transient'],
    ['554 after the data: refused', withCode('EMESSAGE', { responseCode: 554 }), 'permanent'],
    ['a 5xx known only from its text', withCode('EMESSAGE', { response: '552 5.3.4 too big' }), 'permanent'],
  ])('after the data, %s is %s', (_case, error, kind) => {
    expect(classifyMailError(error, 'data')).toBe(kind);
  });
});

describe(MailError.name, () => {
  it('keeps the SMTP code and reply of the failure', () => {
    const error = new MailError(withCode('EENVELOPE', { responseCode: 550, response: '550 5.1.1 No such user' }));
    expect(error).toMatchObject({ kind: 'permanent', smtpCode: 550, smtpResponse: '550 5.1.1 No such user' });
  });

  it('is unknown for a reset once the data has gone, transient before', () => {
    expect(new MailError(withCode('ECONNRESET'), 'data')).toMatchObject({ kind: 'unknown', stage: 'data' });
    expect(new MailError(withCode('ECONNRESET'))).toMatchObject({ kind: 'transient', stage: 'envelope' });
  });
});
