import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import { MailError } from './mail-error';
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

/**
 * Sends mail from MAIL_FROM: over SMTP when SMTP_URL is set, otherwise as `.eml` files in OUTBOX_DIR
 * (open them in any mail client). A failure is a MailError saying whether a retry can help.
 *
 * One SMTP connection per message rather than a pool: the NPA sends hundreds a day, not thousands a
 * minute, and a fresh connection never inherits a broken one's state after a server hiccup.
 */
const fail = (error: unknown): never => {
  throw new MailError(error);
};

@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly smtp?: Transporter;
  // Builds the exact bytes an SMTP server would receive, with CRLF line ends as RFC 5322 wants.
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(private readonly config: AppConfig) {
    if (config.SMTP_URL) {
      // The socket timeout bounds a job stuck on a silent server (nodemailer's default is 10 minutes).
      this.smtp = createTransport({ url: config.SMTP_URL, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
    }
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const mail = { ...message, from: this.config.MAIL_FROM };
    if (this.smtp) {
      const info = (await this.smtp.sendMail(mail).catch(fail)) as { messageId: string; rejected?: unknown[] };
      if (info.rejected?.length) this.logger.warn({ messageId: info.messageId, rejected: info.rejected }, 'some recipients were refused');
      return { messageId: info.messageId };
    }
    const built = (await this.composer.sendMail(mail).catch(fail)) as { messageId: string; message: Buffer };
    // A full or read-only disk surfaces as itself (and the job retries), not as a mail verdict.
    await writeEml(this.config.OUTBOX_DIR, built.message, built.messageId, new Date());
    return { messageId: built.messageId };
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
