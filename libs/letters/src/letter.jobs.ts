import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, UnrecoverableError } from 'bullmq';
import { buffer } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { returning } from '@npa/database';
import { isUnavailable, MailError, Mailer, Outbox, JobQueue, OnJob, prepared, RedisResets, Storage } from '@npa/platform';
import { DeliveryChecks, type Verdict } from './delivery-checks';
import { LetterKinds } from './letter-kind.registry';
import type { LetterKind } from './letter-kinds';
import type { LetterSnapshot } from './letter-request';
import { composeJobId, deliverJobId, deliverManyJobId } from './letter-job-ids';
import { LetterRenderer, RenderedLetter } from './letter-renderer';
import { LetterTemplatesService } from './letter-templates.service';
import type { Letter } from './letter.entity';
import { givenUpReason } from './given-up';
import { findDeliveries, findDelivery, findLetter, findLetters } from './letter-reads';
import type { MailDelivery } from './mail-delivery.entity';
import { PdfEngine } from './pdf/pdf-engine';
import { UnrecordedSent } from './unrecorded-sent';

const mailbox = (r: { email: string; name: string }) => (r.name ? `"${r.name.replace(/["\\]/g, '')}" <${r.email}>` : r.email);

/** To and Cc: those marked as copied go in Cc, unless nobody else is addressed. */
function addressed(recipients: Letter['recipients']): { to: string[]; cc?: string[] } {
  const to = recipients.filter((r) => !r.copy);
  const cc = recipients.filter((r) => r.copy);
  return to.length === 0 || cc.length === 0 ? { to: recipients.map(mailbox) } : { to: to.map(mailbox), cc: cc.map(mailbox) };
}

/** An email that could not go with the others is tried on its own after this, as a deliver job's first retry would be. */
const ON_ITS_OWN_AFTER_MS = 2000;

/** Emails of a deliver-many job whose letters are read and checked together, a little before each is sent. */
const CHECKED_TOGETHER = 10;

// The writes every email makes, as prepared statements: the claim (of several emails at once in a
// deliver-many job), the moment its data starts, its sending. In a deliver-many job an email's sending
// is written with the next one's data start ($3, $4; null when there is none): a round trip and a
// commit fewer per email (README, Benchmarks).
const CLAIM = `UPDATE mail_deliveries SET state = 'sending', claimed_at = now(), attempts = attempts + 1, data_started_at = NULL
  WHERE id = ANY($1::uuid[]) AND (state = 'pending' OR (state = 'sending' AND data_started_at IS NULL)) RETURNING id, attempts`;
// What being sent means, written alone or with the next email's data start; the arguments name the parameters.
const markSent = (idParam: string, messageIdParam: string) =>
  `UPDATE mail_deliveries SET state = 'sent', message_id = ${messageIdParam}, sent_at = now(), reason = NULL WHERE id = ${idParam}`;
const SENT = markSent('$1', '$2');
const DATA_STARTED = `WITH sent AS (${markSent('$3', '$4')})
  UPDATE mail_deliveries SET data_started_at = now() WHERE id = $1 AND state = 'sending' AND attempts = $2 AND data_started_at IS NULL RETURNING 1`;

/** Pending, or claimed by a sender that never got to the data (it stopped, or it was taken over): still to send. */
const owesSending = (d: MailDelivery) => d.state === 'pending' || (d.state === 'sending' && !d.dataStartedAt);

/** An email with everything it needs read, ready to be claimed: after the claim only the send itself may fail. */
interface ReadyEmail {
  letterId: string;
  delivery: MailDelivery;
  letter: Letter;
  rendered: RenderedLetter;
  pdf: Buffer | null;
}

/** Letters rendered side by side in one compose job. */
const RENDERED_AT_ONCE = 8;

/** How long a worker keeps trying to record an email it has sent while the database is away. */
const RECORD_SENT_PATIENCE_MS = 120_000;

/**
 * Compose, then deliver. `letter.compose` renders a letter from its snapshot with its own template
 * version and keeps the HTML and, for a letter the NPA signs, the PDF; `letter.deliver` emails it at most once: the send is claimed in
 * the database first and the moment its data starts to go is recorded; a claim found after a crash is sent
 * again when it never got that far, and marked `unknown` (never resent blindly) when it did.
 */
@Injectable()
export class LetterJobs implements OnModuleInit {
  private readonly logger = new Logger('Letters');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: LetterTemplatesService,
    private readonly renderer: LetterRenderer,
    private readonly pdf: PdfEngine,
    private readonly storage: Storage,
    private readonly outbox: Outbox,
    private readonly mailer: Mailer,
    private readonly checks: DeliveryChecks,
    private readonly queue: JobQueue,
    private readonly resets: RedisResets,
    private readonly kinds: LetterKinds,
  ) {}

  onModuleInit(): void {
    // A Redis that lost its data took these jobs with it; the letters and deliveries still say what is owed.
    this.resets.register('letters', async () => {
      const composing = await this.dataSource.query<{ id: string }[]>('SELECT id FROM letters WHERE rendered_at IS NULL');
      const delivering = await this.dataSource.query<{ letter_id: string }[]>(`SELECT letter_id FROM mail_deliveries WHERE state IN ('pending', 'sending')`);
      for (const { id } of composing) await this.queue.enqueue('letter.compose', { letterId: id }, { jobId: composeJobId(id) });
      for (const { letter_id } of delivering) await this.queue.enqueue('letter.deliver', { letterId: letter_id }, { jobId: deliverJobId(letter_id) });
      return composing.length + delivering.length;
    });
  }

  @OnJob('letter.compose')
  async compose({ letterId, renderOnly }: { letterId: string; renderOnly?: boolean }): Promise<void> {
    const letter = await findLetter(this.dataSource, letterId);
    if (!letter) throw new UnrecoverableError(`Letter ${letterId} does not exist`);
    const [failed] = await this.composeAll([letter], renderOnly === true);
    if (failed) throw failed.error;
  }

  /**
   * Letters asked for together, composed as `letter.compose` composes each, their deliveries and jobs
   * written in one statement. One that cannot be rendered is handed to a compose job of its own, which
   * retries it and fails on its own, rather than holding back the rest.
   */
  @OnJob('letter.compose-many')
  async composeMany({ letterIds }: { letterIds: string[] }): Promise<void> {
    const failed = await this.composeAll(await findLetters(this.dataSource, letterIds), false);
    for (const { letter, error } of failed) {
      this.logger.warn({ letterId: letter.id, err: error.message }, 'letter not composed with the others; it goes on in a compose job of its own');
      await this.queue.enqueue('letter.compose', { letterId: letter.id }, { jobId: composeJobId(letter.id) });
    }
  }

  /**
   * Renders each letter not yet rendered and keeps its files, then (unless only printing again) records
   * each one's delivery with its job. Returns the letters that could not be rendered; the others are done.
   */
  private async composeAll(letters: Letter[], renderOnly: boolean): Promise<{ letter: Letter; error: Error }[]> {
    const failed: { letter: Letter; error: Error }[] = [];
    const subjects = new Map<string, string>();
    const kept: { id: string; htmlKey: string; pdfKey: string | null }[] = [];
    // A few at a time: a printed letter takes a page of the PDF engine's browser while it is printed.
    for (let i = 0; i < letters.length; i += RENDERED_AT_ONCE) {
      const some = letters.slice(i, i + RENDERED_AT_ONCE);
      const settled = await Promise.allSettled(
        some.map(async (letter) => {
          // Printed again after retention replaced a name: it was sent (or not) the first time.
          const sending = !renderOnly && letter.recipients.length > 0;
          if (letter.renderedAt) {
            if (sending) subjects.set(letter.id, (await this.render(letter)).subject);
            return;
          }
          const rendered = await this.render(letter);
          const pdf = this.kinds.isPrinted(letter.kind) ? await this.pdf.render(rendered.html) : null;
          const htmlKey = await this.storage.put('letters', Buffer.from(rendered.html));
          const pdfKey = pdf && (await this.storage.put('letters', pdf));
          kept.push({ id: letter.id, htmlKey, pdfKey });
          if (sending) subjects.set(letter.id, rendered.subject);
        }),
      );
      settled.forEach((result, j) => {
        if (result.status === 'rejected') failed.push({ letter: some[j], error: result.reason as Error });
      });
    }
    if (kept.length > 0) {
      const won = await returning<{ id: string }>(
        this.dataSource,
        `UPDATE letters l SET html_key = k.html_key, pdf_key = k.pdf_key, rendered_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS k(id, html_key, pdf_key) WHERE l.id = k.id AND l.rendered_at IS NULL RETURNING l.id`,
        [kept.map((k) => k.id), kept.map((k) => k.htmlKey), kept.map((k) => k.pdfKey)],
      );
      // A second run of the job after a crash may find the first one finished: keep one set of files.
      const ours = new Set(won.map((w) => w.id));
      const spare = kept.filter((k) => !ours.has(k.id)).flatMap((k) => [k.htmlKey, k.pdfKey].filter((key): key is string => key !== null));
      await Promise.all(spare.map((key) => this.storage.remove(key)));
    }
    const sending = letters.filter((letter) => subjects.has(letter.id));
    if (sending.length === 0) return failed;
    // The deliveries and their job in one statement: all or none, one round trip. One letter's email is
    // sent by a deliver job; the emails of letters composed together, by one job for all of them.
    const ids = sending.map((letter) => letter.id);
    const deliveries = {
      sql: `INSERT INTO mail_deliveries (letter_id, state, recipients, subject)
            SELECT x.letter_id, 'pending', x.recipients, x.subject FROM jsonb_to_recordset($1::jsonb) AS x(letter_id uuid, recipients jsonb, subject text)
            ON CONFLICT (letter_id) DO NOTHING`,
      params: [JSON.stringify(sending.map((letter) => ({ letter_id: letter.id, recipients: letter.recipients, subject: subjects.get(letter.id) })))],
    };
    if (ids.length === 1) await this.outbox.addWith(this.dataSource, deliveries, 'letter.deliver', { letterId: ids[0] }, { jobId: deliverJobId(ids[0]) });
    else await this.outbox.addWith(this.dataSource, deliveries, 'letter.deliver-many', { letterIds: ids }, { jobId: deliverManyJobId(ids) });
    return failed;
  }

  @OnJob('letter.deliver')
  async deliver({ letterId }: { letterId: string }, job: Job): Promise<void> {
    await this.deliverOne(letterId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }

  /**
   * The emails of letters composed together, one after the other (the mail queue runs as many of these
   * jobs at once as the Mailer pools connections), each exactly as `letter.deliver` sends one; their
   * deliveries, letters and checks are read ten at a time, a query for each rather than one per email.
   * An email whose outcome is recorded (sent, suppressed, failed, unknown) is done; one that the mail
   * server asked to try again later, or that met any other error, goes on in a deliver job of its own
   * with its retries.
   */
  @OnJob('letter.deliver-many')
  async deliverMany({ letterIds }: { letterIds: string[] }): Promise<void> {
    // One that could not be written goes on in a deliver job of its own, as an email of the job that met
    // an error does: it finds the email claimed with its data started, and marks it unknown.
    const unrecorded = new UnrecordedSent(
      ({ id, messageId }) => this.recordSent(id, messageId),
      async ({ letterId }, error) => {
        await this.onItsOwn(letterId, error, 'email sent, its sending not recorded').catch((lost: Error) =>
          this.logger.error({ letterId, err: lost.message }, 'email sent but neither recorded nor handed on; it stays sending until a deliver job finds it'),
        );
      },
    );
    try {
      await this.deliverEach(letterIds, unrecorded);
    } finally {
      await unrecorded.settle();
    }
  }

  private async deliverEach(letterIds: string[], unrecorded: UnrecordedSent): Promise<void> {
    for (let i = 0; i < letterIds.length; i += CHECKED_TOGETHER) {
      const ids = letterIds.slice(i, i + CHECKED_TOGETHER);
      const [deliveries, letters] = await Promise.all([findDeliveries(this.dataSource, ids), findLetters(this.dataSource, ids)]);
      const found = ids.map((id) => ({ id, delivery: deliveries.find((d) => d.letterId === id) ?? null, letter: letters.find((l) => l.id === id) ?? null }));
      const owed = found.filter(({ delivery, letter }) => delivery && owesSending(delivery) && letter && this.hasFiles(letter));
      const verdicts = await this.checks.verdicts(owed.map(({ letter }) => letter as Letter));
      const checked = new Map(owed.map(({ id }, j) => [id, verdicts[j]]));
      const ready: ReadyEmail[] = [];
      for (const { id, delivery, letter } of found) {
        const email = await this.ready(id, delivery, letter, checked.get(id)).catch((error: Error) => this.onItsOwn(id, error));
        if (email) ready.push(email);
      }
      // Claimed together; each is still sent (or taken over by another sender) one at a time below.
      const claims = await this.claim(ready);
      for (const email of ready) {
        const attempt = claims.get(email.delivery.id);
        if (attempt !== undefined) await this.send(email, attempt, false, unrecorded).catch((error: Error) => this.onItsOwn(email.letterId, error));
      }
    }
  }

  /** An email of a deliver-many job whose outcome is not recorded goes on in a deliver job of its own, with its retries. */
  private async onItsOwn(letterId: string, error: Error, what = 'email not sent with the others'): Promise<null> {
    if (error instanceof UnrecoverableError) return null;
    this.logger.warn({ letterId, err: error.message }, `${what}; it goes on in a deliver job of its own`);
    await this.queue.enqueue('letter.deliver', { letterId }, { jobId: deliverJobId(letterId), delay: ON_ITS_OWN_AFTER_MS });
    return null;
  }

  /**
   * Sends one letter's email at most once. Throws to have it tried again (an UnrecoverableError once
   * its outcome is recorded and nothing more is to be done); `finalAttempt` records a temporary failure
   * as the last.
   */
  private async deliverOne(letterId: string, finalAttempt: boolean): Promise<void> {
    const [delivery, letter] = await Promise.all([findDelivery(this.dataSource, letterId), findLetter(this.dataSource, letterId)]);
    await this.deliverFound(letterId, delivery, letter, finalAttempt);
  }

  /** As deliverOne, with the delivery and letter read (and the checks made, when `checked`) for several emails together. */
  private async deliverFound(letterId: string, delivery: MailDelivery | null, letter: Letter | null, finalAttempt: boolean, checked?: Verdict): Promise<void> {
    const email = await this.ready(letterId, delivery, letter, checked);
    if (!email) return;
    const attempt = (await this.claim([email])).get(email.delivery.id);
    if (attempt !== undefined) await this.send(email, attempt, finalAttempt);
  }

  /** The email read and checked, ready to claim; null when there is nothing to send (its outcome recorded). */
  private async ready(letterId: string, delivery: MailDelivery | null, letter: Letter | null, checked?: Verdict): Promise<ReadyEmail | null> {
    if (!delivery || !letter || !this.hasFiles(letter)) throw new UnrecoverableError(`Letter ${letterId} has no delivery to make`);
    if (delivery.state === 'sending' && delivery.dataStartedAt) {
      // We claimed it and the message started to go, then we stopped (a crash, a kill) before recording
      // the outcome: it may have arrived. Only a claim still open is marked: a sender that was alive after
      // all may have recorded `sent` meanwhile.
      await this.dataSource.query(
        `UPDATE mail_deliveries SET state = 'unknown', reason = $2 WHERE id = $1 AND state = 'sending' AND data_started_at IS NOT NULL`,
        [delivery.id, 'The worker stopped while this email was being sent; it may or may not have arrived. Check with the recipient before sending it again.'],
      );
      return null;
    }
    // A claim still `sending` without data never reached the mail server: it is sent now, as if pending.
    if (!owesSending(delivery)) return null;
    const verdict = checked ?? (await this.checks.verdict(letter));
    if (!verdict.send) {
      await this.dataSource.query(
        `UPDATE mail_deliveries SET state = 'suppressed', reason = $2 WHERE id = $1 AND state IN ('pending', 'sending') AND data_started_at IS NULL`,
        [delivery.id, verdict.reason],
      );
      return null;
    }
    const rendered = await this.render(letter);
    const pdf = letter.pdfKey ? await this.read(letter.pdfKey) : null;
    return { letterId, delivery, letter, rendered, pdf };
  }

  /**
   * Claims the emails, each with a new number (attempts). Taking over a claim that never got to the data
   * is safe even if its sender still lives: the number changes, so that sender's beforeData finds it
   * gone and stops before the message. An email not claimed (sent or taken over meanwhile) is left.
   */
  private async claim(emails: readonly ReadyEmail[]): Promise<Map<string, number>> {
    if (emails.length === 0) return new Map();
    const claimed = await prepared<{ id: string; attempts: number }>(this.dataSource, 'letters.claim-deliveries', CLAIM, [emails.map((e) => e.delivery.id)]);
    return new Map(claimed.map((c) => [c.id, c.attempts]));
  }

  /**
   * Sends a claimed email; throws to have it tried again, as deliverOne says. With `unrecorded` (a
   * deliver-many job), its data start writes the email sent before it, and it is left there in turn.
   */
  private async send(
    { letterId, delivery, letter, rendered, pdf }: ReadyEmail,
    attempt: number,
    finalAttempt: boolean,
    unrecorded?: UnrecordedSent,
  ): Promise<void> {
    let superseded = false;

    let messageId: string;
    try {
      ({ messageId } = await this.mailer.send(
        {
          ...addressed(delivery.recipients),
          subject: delivery.subject,
          text: rendered.text,
          // A signed letter travels as its PDF; an email-only reminder is the email, in HTML beside the text.
          ...(pdf
            ? { attachments: [{ filename: `${letter.kind}-${letter.verificationCode}.pdf`, content: pdf, contentType: 'application/pdf' }] }
            : { html: rendered.html }),
        },
        {
          beforeData: async () => {
            const before = unrecorded?.take();
            const ours = await prepared(this.dataSource, 'letters.delivery-data-started', DATA_STARTED, [
              delivery.id,
              attempt,
              before?.id ?? null,
              before?.messageId ?? null,
            ]).catch((error: Error) => {
              // Not written: the email before is still to record, by the next email or at the job's end.
              if (before) unrecorded?.hold(before);
              throw error;
            });
            if (ours.length === 0) {
              superseded = true;
              throw new Error('Another worker took this email over before its message was sent');
            }
          },
        },
      ));
    } catch (error) {
      if (superseded) {
        this.logger.warn({ letterId, attempt }, 'another worker took this email over; not sending it from here');
        return;
      }
      if (!(error instanceof MailError)) {
        await this.mark(delivery.id, attempt, 'pending', `Not sent yet: ${(error as Error).message}`);
        throw error;
      }
      const why = error.smtpResponse ?? error.message;
      if (error.kind === 'unknown') {
        await this.mark(
          delivery.id,
          attempt,
          'unknown',
          `The connection failed after the message was handed to the mail server (${why}); it may or may not have arrived. Check with the recipient before sending it again.`,
        );
        throw new UnrecoverableError(why);
      }
      if (error.kind === 'permanent' || finalAttempt) {
        await this.mark(delivery.id, attempt, 'failed', givenUpReason(error));
        throw new UnrecoverableError(why);
      }
      await this.mark(delivery.id, attempt, 'pending', `Temporary failure, will retry: ${why}`);
      this.logger.warn({ letterId, attempt, why }, 'email not sent yet; retrying');
      throw error;
    }
    if (unrecorded) unrecorded.hold({ id: delivery.id, letterId, messageId });
    else await this.recordSent(delivery.id, messageId);
  }

  /**
   * The email has gone: record it, waiting out a database outage for a while. The claim is never put
   * back to pending after a send; if the database stays away too long the claim stays `sending`, and the
   * next attempt marks it `unknown` for staff rather than sending it again.
   */
  private async recordSent(id: string, messageId: string): Promise<void> {
    const deadline = Date.now() + RECORD_SENT_PATIENCE_MS;
    for (let wait = 250; ; wait = Math.min(wait * 2, 5000)) {
      try {
        await prepared(this.dataSource, 'letters.delivery-sent', SENT, [id, messageId]);
        return;
      } catch (error) {
        if (!isUnavailable(error) || Date.now() + wait > deadline) throw error;
        this.logger.warn({ deliveryId: id, err: (error as Error).message }, 'email sent; recording it as soon as the database answers');
        await sleep(wait);
      }
    }
  }

  /** Rendered, with its PDF when it is a letter the NPA signs: ready to go. */
  private hasFiles(letter: Letter): boolean {
    return !!letter.htmlKey && (!this.kinds.isPrinted(letter.kind) || !!letter.pdfKey);
  }

  private async render(letter: Letter): Promise<RenderedLetter> {
    const snapshot = letter.data as unknown as LetterSnapshot;
    const body = await this.templates.version(letter.kind as LetterKind, letter.templateVersion);
    return this.renderer.render(letter.kind as LetterKind, snapshot.body, snapshot.meta, body);
  }

  private async read(key: string): Promise<Buffer> {
    return buffer(await this.storage.read(key));
  }

  /** Records the outcome of one claim: a claim another worker has since taken over is left to that worker. */
  private async mark(id: string, attempt: number, state: MailDelivery['state'], reason: string): Promise<void> {
    // Back to pending means the server answered that it did not take the message (or it never got it):
    // its data stage is over, so the check before the next attempt may still hold the email back.
    await this.dataSource.query(
      `UPDATE mail_deliveries SET state = $3, reason = $4, data_started_at = CASE WHEN $3 = 'pending' THEN NULL ELSE data_started_at END
        WHERE id = $1 AND attempts = $2 AND state = 'sending'`,
      [id, attempt, state, reason],
    );
  }
}
