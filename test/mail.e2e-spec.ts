import { simpleParser, ParsedMail } from 'mailparser';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { loadConfig, MailError, Mailer, MailMessage } from '@npa/platform';
import { freePort } from './support/ports';

/** What the server was told in MAIL FROM and RCPT TO. */
interface Envelope {
  from: string | false;
  to: string[];
}

/** A real SMTP server on a free port; `refuse` makes it answer DATA with that reply code. */
async function smtpServer(refuse?: number): Promise<{ url: string; received: ParsedMail[]; envelopes: Envelope[]; close: () => Promise<void> }> {
  const received: ParsedMail[] = [];
  const envelopes: Envelope[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (refuse) return callback(Object.assign(new Error(refuse < 500 ? 'Try again later' : 'Mailbox unavailable'), { responseCode: refuse }));
          received.push(mail);
          envelopes.push({ from: session.envelope.mailFrom && session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, envelopes, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const mailer = (env: Record<string, string>) => new Mailer(loadConfig({ ...process.env, MAIL_FROM: 'NPA <office@portage.test>', ...env }));

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const message: MailMessage = {
  to: ['manager@service.test', 'deputy@service.test'],
  subject: 'Your Stamp of Approval renewal – 30 days',
  text: 'Dear manager,\n\nYour award expires in 30 days.\n',
  html: '<p>Dear manager,</p><p>Your award expires in 30 days.</p>',
  attachments: [{ filename: 'renewal-letter.pdf', content: pdf, contentType: 'application/pdf' }],
};

describe(Mailer.name, () => {
  it('delivers text, HTML and a PDF attachment over SMTP', async () => {
    const server = await smtpServer();
    const smtp = mailer({ SMTP_URL: server.url });
    try {
      const sent = await smtp.send(message);
      expect(server.received).toHaveLength(1);
      const mail = server.received[0];
      expect(mail.messageId).toBe(sent.messageId);
      expect(mail.from?.value).toEqual([{ name: 'NPA', address: 'office@portage.test' }]);
      expect(mail.subject).toBe(message.subject);
      expect(mail.text).toContain('Your award expires in 30 days.');
      expect(mail.html).toContain('<p>Dear manager,</p>');
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]).toMatchObject({ filename: 'renewal-letter.pdf', contentType: 'application/pdf' });
      expect(mail.attachments[0].content.equals(pdf)).toBe(true);
    } finally {
      smtp.onApplicationShutdown(); // the pooled connection, or the server waits for it to time out
      await server.close();
    }
  });

  it("gives each message its own Message-ID at the sender's domain, and an envelope of every To and Cc address once", async () => {
    const server = await smtpServer();
    const smtp = mailer({ SMTP_URL: server.url });
    try {
      const first = await smtp.send({
        to: ['"Pat O\'Neill, Manager" <manager@service.test>', 'deputy@service.test'],
        cc: ['"NPA Reviewer" <reviewer@portage.test>', 'manager@service.test'],
        subject: 'Copied',
        text: 'Copied to the reviewer.',
        html: '<p>Copied to the reviewer.</p>',
      });
      const second = await smtp.send(message);
      expect(server.envelopes).toEqual([
        { from: 'office@portage.test', to: ['manager@service.test', 'deputy@service.test', 'reviewer@portage.test'] },
        { from: 'office@portage.test', to: ['manager@service.test', 'deputy@service.test'] },
      ]);
      expect(first.messageId).toMatch(/^<[^@<>\s]+@portage\.test>$/);
      expect(second.messageId).not.toBe(first.messageId);
      expect(server.received.map((mail) => mail.messageId)).toEqual([first.messageId, second.messageId]);
      const [copied] = server.received;
      expect(copied.to).toMatchObject({ value: [{ name: "Pat O'Neill, Manager", address: 'manager@service.test' }, { address: 'deputy@service.test' }] });
      expect(copied.cc).toMatchObject({ value: [{ name: 'NPA Reviewer', address: 'reviewer@portage.test' }, { address: 'manager@service.test' }] });
      // Both parts read back: the multipart boundaries hold.
      expect(copied.text).toContain('Copied to the reviewer.');
      expect(copied.html).toContain('<p>Copied to the reviewer.</p>');
    } finally {
      smtp.onApplicationShutdown();
      await server.close();
    }
  });

  it('throws a transient MailError when the server answers 451', async () => {
    const server = await smtpServer(451);
    try {
      const error = await mailer({ SMTP_URL: server.url })
        .send(message)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailError);
      expect(error).toMatchObject({ kind: 'transient', smtpCode: 451 });
      expect((error as MailError).smtpResponse).toContain('Try again later');
    } finally {
      await server.close();
    }
  });

  it('throws a permanent MailError when the server answers 550', async () => {
    const server = await smtpServer(550);
    try {
      const error = await mailer({ SMTP_URL: server.url })
        .send(message)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailError);
      expect(error).toMatchObject({ kind: 'permanent', smtpCode: 550 });
    } finally {
      await server.close();
    }
  });

  it('throws a transient MailError when nothing listens at SMTP_URL', async () => {
    const error = await mailer({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` })
      .send(message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect(error).toMatchObject({ kind: 'transient' });
  });

  it('writes one .eml per message to OUTBOX_DIR when SMTP_URL is unset, readable by a mail parser', async () => {
    const dir = join(mkdtempSync(join(process.env.TEST_RUN_DIR ?? tmpdir(), 'mail-')), 'outbox');
    const sent = await mailer({ SMTP_URL: '', OUTBOX_DIR: dir }).send(message);

    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{8}T\d{6}\.\d{3}Z-.+\.eml$/);
    expect(files[0]).toContain(sent.messageId.replace(/^<|>$/g, ''));
    const raw = readFileSync(join(dir, files[0]));
    expect(raw.toString('latin1')).toMatch(/\r\n\r\n/); // CRLF line ends, as RFC 5322 wants
    const mail = await simpleParser(raw);
    expect(mail.messageId).toBe(sent.messageId);
    expect(mail.to).toMatchObject({ text: 'manager@service.test, deputy@service.test' });
    expect(mail.text).toContain('Your award expires in 30 days.');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe('renewal-letter.pdf');
    expect(mail.attachments[0].content.equals(pdf)).toBe(true);
  });

  it('names .eml files so that their order is the order they were written', async () => {
    const dir = join(mkdtempSync(join(process.env.TEST_RUN_DIR ?? tmpdir(), 'mail-')), 'outbox');
    const folder = mailer({ SMTP_URL: '', OUTBOX_DIR: dir });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await folder.send({ ...message, subject: `Message ${i}` })).messageId);
      await new Promise((r) => setTimeout(r, 5));
    }
    const files = readdirSync(dir).sort();
    expect(files.map((f) => ids.findIndex((id) => f.includes(id.replace(/^<|>$/g, ''))))).toEqual([0, 1, 2]);
  });
});
