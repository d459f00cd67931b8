import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CopyWriter } from '@npa/database';
import type { IsoDate } from '@npa/platform';
import { notFound, Outbox, Storage, Clock, newVerificationCode, normaliseVerificationCode } from '@npa/platform';
import { composeJobId, composeManyJobId } from './letter-job-ids';
import { LetterKinds } from './letter-kind.registry';
import type { LetterKind } from './letter-kinds';
import { LetterRequest, LetterSnapshot, NPA_SIGNATORY } from './letter-request';
import { findLetter } from './letter-reads';
import { LetterTemplatesService } from './letter-templates.service';
import { Letter, LetterSubjectKind } from './letter.entity';
import { LetterStanding } from './letter-standing';
import type { DeliveriesQuery } from './letters.dto';

/** A kept letter's HTML is our own escaped render; the sandbox CSP still keeps anything in it from running. */
export const LETTER_HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
} as const;

/** How many letters asked for together one compose job takes (README, Benchmarks). */
const COMPOSED_TOGETHER = 50;

/** Asking for letters (in the asker's transaction), listing them, serving their files, verifying them. */
@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: LetterTemplatesService,
    private readonly outbox: Outbox,
    private readonly storage: Storage,
    private readonly standing: LetterStanding,
    private readonly clock: Clock,
    private readonly kinds: LetterKinds,
  ) {}

  /**
   * Records the letter with a snapshot of its data and the template version in force, and queues its
   * composition through the outbox, so a change that rolls back leaves neither letter nor job.
   */
  async request<K extends LetterKind>(manager: EntityManager, request: LetterRequest<K>): Promise<string> {
    const made = await this.requestMany(manager, [request]);
    if (made.has(request.dedupeKey)) return made.get(request.dedupeKey)!;
    const [existing] = await manager.query<{ id: string }[]>('SELECT id FROM letters WHERE dedupe_key = $1', [request.dedupeKey]);
    return existing.id;
  }

  /**
   * Many letters as `request` records one, in one statement and one outbox write. Returns the new
   * letters' ids by dedupe key; a key already used is left out, as its letter (and its composition)
   * already exists.
   */
  async requestMany(manager: EntityManager, requests: LetterRequest[]): Promise<Map<string, string>> {
    if (requests.length === 0) return new Map();
    const rows = await this.letterRows(manager, requests);
    const inserted = await manager.query<{ id: string; dedupeKey: string }[]>(
      `INSERT INTO letters (id, kind, subject_kind, subject_id, subject_name, dedupe_key, verification_code, template_version, data, recipients, reminder_id, created_by, parameter_version)
       SELECT id, kind, "subjectKind", "subjectId", "subjectName", "dedupeKey", "verificationCode", "templateVersion", data, recipients, "reminderId", "createdBy", "parameterVersion"
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, kind text, "subjectKind" text, "subjectId" uuid, "subjectName" text, "dedupeKey" text, "verificationCode" text,
              "templateVersion" integer, data jsonb, recipients jsonb, "reminderId" uuid, "createdBy" uuid, "parameterVersion" integer)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key AS "dedupeKey"`,
      [JSON.stringify(rows)],
    );
    await this.compose(
      manager,
      inserted.map((r) => r.id),
    );
    return new Map(inserted.map((r) => [r.dedupeKey, r.id]));
  }

  /**
   * Letters about records made in the caller's transaction, each under a dedupe key that names its own
   * new record, so none can already be taken: stored with COPY, not unpacked from one JSON array, which
   * cost PostgreSQL two to three times the CPU for the sweep's thousands of reminder emails (README, Benchmarks).
   * A key that was taken after all fails the COPY, and with it the caller's transaction.
   */
  async requestNew(manager: EntityManager, requests: LetterRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const rows = await this.letterRows(manager, requests);
    const copy = new CopyWriter(manager, Letter);
    await copy.write(rows);
    await copy.end();
    await this.compose(
      manager,
      rows.map((r) => r.id),
    );
  }

  /** Each request as its letter's row: a snapshot of its data, a verification code and the template version in force. */
  private async letterRows(manager: EntityManager, requests: LetterRequest[]) {
    const kinds = [...new Set(requests.map((r) => r.kind))];
    for (const kind of kinds) this.kinds.get(kind); // a kind no slice declared fails here, before anything is written
    const versions = new Map<LetterKind, number>();
    for (const kind of kinds) versions.set(kind, await this.templates.currentVersion(kind, manager));
    return requests.map((request) => {
      const snapshot = {
        body: request.data,
        meta: {
          letterDate: request.letterDate,
          verificationCode: newVerificationCode(),
          recipient: request.addressee,
          signatory: request.signatory ?? NPA_SIGNATORY,
        },
      } satisfies LetterSnapshot;
      return {
        id: request.id ?? randomUUID(),
        kind: request.kind,
        subjectKind: request.subjectKind,
        subjectId: request.subjectId,
        subjectName: request.subjectName,
        dedupeKey: request.dedupeKey,
        verificationCode: snapshot.meta.verificationCode,
        templateVersion: versions.get(request.kind)!,
        data: snapshot,
        recipients: request.recipients,
        reminderId: request.reminderId ?? null,
        createdBy: request.createdBy ?? null,
        parameterVersion: request.parameterVersion ?? null,
      } satisfies Partial<Letter>;
    });
  }

  /** Queues new letters' composition: one job for one letter, else a job per few dozen. */
  private async compose(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 1) await this.outbox.add(manager, 'letter.compose', { letterId: ids[0] }, { jobId: composeJobId(ids[0]) });
    else await this.composeTogether(manager, ids);
  }

  /**
   * A job per few dozen letters rather than one each (a job costs several round trips to Redis and
   * PostgreSQL); a few jobs rather than one, so the letters queue composes them side by side and the
   * first emails go while the rest are composed.
   */
  private async composeTogether(manager: EntityManager, ids: string[]): Promise<void> {
    const jobs: { payload: { letterIds: string[] }; options: { jobId: string } }[] = [];
    for (let i = 0; i < ids.length; i += COMPOSED_TOGETHER) {
      const letterIds = ids.slice(i, i + COMPOSED_TOGETHER);
      jobs.push({ payload: { letterIds }, options: { jobId: composeManyJobId(letterIds) } });
    }
    await this.outbox.addMany(manager, 'letter.compose-many', jobs);
  }

  /** When each of these letters was rendered (null: not yet), for slices that keep a letter's id. */
  async renderedAt(ids: string[]): Promise<Map<string, Date | null>> {
    const rows = await this.dataSource.query<{ id: string; rendered_at: Date | null }[]>('SELECT id, rendered_at FROM letters WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    return new Map(rows.map((r) => [r.id, r.rendered_at]));
  }

  async listFor(subjectKind: LetterSubjectKind, subjectId: string) {
    const rows = await this.dataSource.query<
      {
        id: string;
        kind: string;
        created_at: Date;
        rendered_at: Date | null;
        pdf_key: string | null;
        template_version: number;
        parameter_version: number | null;
        verification_code: string;
        state: string | null;
        sent_at: Date | null;
      }[]
    >(
      `SELECT l.id, l.kind, l.created_at, l.rendered_at, l.pdf_key, l.template_version, l.parameter_version, l.verification_code, d.state, d.sent_at
         FROM letters l LEFT JOIN mail_deliveries d ON d.letter_id = l.id
        WHERE l.subject_kind = $1 AND l.subject_id = $2 ORDER BY l.created_at DESC, l.id`,
      [subjectKind, subjectId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: this.kinds.title(r.kind),
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      templateVersion: r.template_version,
      parameterVersion: r.parameter_version,
      verificationCode: r.verification_code,
      ready: r.rendered_at !== null,
      /** Signed letters have a PDF; a reminder is an email, kept as HTML only. */
      format: r.pdf_key !== null || (r.rendered_at === null && this.kinds.isPrinted(r.kind)) ? ('pdf' as const) : ('html' as const),
      delivery: r.state,
    }));
  }

  /** Emails for NPA staff to watch: failed and unknown ones above all, each with why. */
  async deliveries(query: DeliveriesQuery) {
    const where = '($1::text IS NULL OR d.state = $1)';
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<
        {
          id: string;
          letter_id: string;
          kind: string;
          subject_name: string;
          state: string;
          subject: string;
          recipients: { email: string }[];
          attempts: number;
          reason: string | null;
          message_id: string | null;
          sent_at: Date | null;
          created_at: Date;
        }[]
      >(
        `SELECT d.id, d.letter_id, l.kind, l.subject_name, d.state, d.subject, d.recipients, d.attempts, d.reason, d.message_id, d.sent_at, d.created_at
           FROM mail_deliveries d JOIN letters l ON l.id = d.letter_id WHERE ${where} ORDER BY d.created_at DESC, d.id LIMIT $2 OFFSET $3`,
        [query.state ?? null, query.pageSize, query.offset],
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM mail_deliveries d WHERE ${where}`, [query.state ?? null]),
    ]);
    const items = rows.map((r) => ({
      id: r.id,
      letterId: r.letter_id,
      letterKind: r.kind,
      about: r.subject_name,
      state: r.state,
      subject: r.subject,
      recipients: r.recipients.map((x) => x.email),
      attempts: r.attempts,
      reason: r.reason,
      messageId: r.message_id,
      sentAt: r.sent_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
    }));
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  /** The letter's kept HTML or PDF; 404 until it has been composed, and for the PDF of an email-only reminder. */
  async file(id: string, format: 'pdf' | 'html') {
    const letter = await findLetter(this.dataSource, id);
    if (letter && format === 'pdf' && !letter.pdfKey && !this.kinds.isPrinted(letter.kind))
      throw notFound(`A PDF of this ${letter.kind} (it is sent as an email, not printed; its HTML is at /letters/${id}.html)`);
    const key = format === 'pdf' ? letter?.pdfKey : letter?.htmlKey;
    if (!letter || !key) throw notFound('The letter');
    return { letter, stream: await this.storage.read(key) };
  }

  /** What anyone holding the paper may learn: what it is, for whom, when, and whether it still stands. */
  async verify(input: string) {
    const code = normaliseVerificationCode(input);
    const letter = code ? await this.dataSource.getRepository(Letter).findOneBy({ verificationCode: code }) : null;
    if (!letter) throw notFound('A letter with that code');
    const today: IsoDate = this.clock.today();
    const standing = await this.standing.of(letter, today);
    const snapshot = letter.data as unknown as LetterSnapshot;
    return {
      code: letter.verificationCode,
      kind: letter.kind,
      title: this.kinds.title(letter.kind),
      issuedTo: letter.subjectName,
      issuedOn: snapshot.meta.letterDate,
      stands: standing.stands,
      why: standing.why,
      checkedOn: today,
    };
  }
}
