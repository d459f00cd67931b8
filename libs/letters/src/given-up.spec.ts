import { MailError } from '@npa/platform';
import { givenUpReason } from './given-up';

const withCode = (message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), extra);

describe(givenUpReason.name, () => {
  it.each([
    [
      'a 550 reply',
      new MailError(withCode('no', { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user' })),
      'Refused by the mail server: 550 5.1.1 No such user',
    ],
    [
      'a 5xx reply known only from its text',
      new MailError(withCode('no', { code: 'EMESSAGE', response: '554 5.7.1 Spam' })),
      'Refused by the mail server: 554 5.7.1 Spam',
    ],
    [
      'no recipients, as nodemailer reports it',
      new MailError(withCode('No recipients defined', { code: 'EENVELOPE' })),
      'Could not be sent, and would fail the same way again: No recipients defined',
    ],
    [
      'a message that cannot be built',
      new MailError(new Error('Invalid attachment')),
      'Could not be sent, and would fail the same way again: Invalid attachment',
    ],
    [
      'the last of several 4xx replies',
      new MailError(withCode('busy', { responseCode: 450, response: '450 4.2.1 Mailbox busy' })),
      'Gave up after repeated temporary failures: 450 4.2.1 Mailbox busy',
    ],
    [
      'the last of several refused connections',
      new MailError(withCode('connect ECONNREFUSED', { code: 'ECONNREFUSED' })),
      'Gave up after repeated temporary failures: connect ECONNREFUSED',
    ],
  ])('%s', (_case, error, reason) => {
    expect(givenUpReason(error)).toBe(reason);
  });
});
