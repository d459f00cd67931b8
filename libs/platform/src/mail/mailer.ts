import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { AppConfig } from '../config/app-config';
import { AfterDataStream } from './after-data-stream';
import { MailError, type MailStage } from './mail-error';
import { writeEml } from './mail-folder';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailMessage {
  to: string[];
  /** Copied, in the Cc header: NPA reviewers on a letter addressed to a setting. */
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

export interface SendOptions {
  /**
   * Runs once the server has accepted the envelope and before the first byte of the message goes
   * (for the folder, before the file is written): the caller records that from here on the server may
   * have it. If it throws, nothing is sent and send fails with that error at the `envelope` stage.
   */
  beforeData?: () => Promise<void>;
}

/** The hook travels with the message through nodemailer to the 'stream' step. */
const BEFORE_DATA = 'npaBeforeData';
// baseBoundary: the random part of every multipart boundary in the message (nodemailer's MailComposer
// hands it to each MIME part; the types leave it out).
type WithHook = SendMailOptions & { [BEFORE_DATA]?: () => Promise<void>; baseBoundary?: string };

/**
 * Sends mail from MAIL_FROM: over SMTP when SMTP_URL is set, otherwise as `.eml` files in OUTBOX_DIR
 * (open them in any mail client). A failure is a MailError saying whether a retry can help, and how far
 * the message got.
 *
 * SMTP connections are pooled, MAIL_CONCURRENCY of them (the mail queue runs a few jobs per connection): a
 * connection per message spent more time on the handshake than on the message. A pooled connection the
 * server has dropped meanwhile fails before any of the message is sent, and nodemailer sends the
 * message again over a fresh one.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly smtp?: Transporter;
  // Builds the exact bytes an SMTP server would receive, with CRLF line ends as RFC 5322 wants.
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  /** Message-IDs are named at the sender's domain, as nodemailer names them. */
  private readonly domain: string;

  constructor(private readonly config: AppConfig) {
    this.domain = addressparser(config.MAIL_FROM, { flatten: true })[0]?.address?.split('@').pop() || 'localhost';
    if (config.SMTP_URL) {
      // The socket timeout bounds a job stuck on a silent server (nodemailer's default is 10 minutes).
      this.smtp = createTransport({
        url: config.SMTP_URL,
        pool: true,
        maxConnections: config.MAIL_CONCURRENCY,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      });
      this.smtp.use('stream', (mail, done) => {
        const beforeData = (mail.data as WithHook)[BEFORE_DATA];
        if (beforeData) {
          const message = mail.message;
          const open = message.createReadStream.bind(message);
          message.createReadStream = (options) => new AfterDataStream(open(options), beforeData);
        }
        done();
      });
    }
  }

  async send(message: MailMessage, options: SendOptions = {}): Promise<{ messageId: string }> {
    // Its id, boundaries and envelope given, not left to nodemailer, which drew them from eight calls for
    // random bytes and parsed the addresses again at each of four steps: a tenth of the mail worker's CPU
    // per email (README, Benchmarks). The envelope is still nodemailer's reading of the same To and Cc.
    const id = randomUUID();
    const mail: WithHook = {
      ...message,
      from: this.config.MAIL_FROM,
      messageId: `<${id}@${this.domain}>`,
      baseBoundary: id.replaceAll('-', ''),
      envelope: { from: this.config.MAIL_FROM, to: message.to, cc: message.cc },
    };
    let stage: MailStage = 'envelope';
    const fail = (error: unknown): never => {
      throw new MailError(error, stage);
    };
    if (this.smtp) {
      const hooked: WithHook = {
        ...mail,
        [BEFORE_DATA]: async () => {
          await options.beforeData?.();
          stage = 'data';
        },
      };
      const info = (await this.smtp.sendMail(hooked).catch(fail)) as { messageId: string; rejected?: unknown[] };
      if (info.rejected?.length) this.logger.warn({ messageId: info.messageId, rejected: info.rejected }, 'some recipients were refused');
      return { messageId: info.messageId };
    }
    const built = (await this.composer.sendMail(mail).catch(fail)) as { messageId: string; message: Buffer };
    await options.beforeData?.();
    // A full or read-only disk surfaces as itself (and the job retries), not as a mail verdict.
    await writeEml(this.config.OUTBOX_DIR, built.message, built.messageId, new Date());
    return { messageId: built.messageId };
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
