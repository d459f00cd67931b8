import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '@npa/platform';
import { LetterKinds } from './letter-kind.registry';
import { findDelivery, findLetter } from './letter-reads';

/** One letter as the office looks at it. */
export interface LetterDetailsView {
  id: string;
  kind: string;
  title: string;
  about: string;
  subjectKind: string;
  verificationCode: string;
  templateVersion: number;
  recipients: string[];
  createdAt: string;
  renderedAt: string | null;
  hasPdf: boolean;
  hasHtml: boolean;
  delivery: { state: string; subject: string; attempts: number; reason: string | null; sentAt: string | null } | null;
}

/** Letters as the office reads them: one letter with its email, and how many emails need attention. */
@Injectable()
export class LetterDetails {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kinds: LetterKinds,
  ) {}

  /** What it is, for whom, its template version and its email. */
  async of(id: string): Promise<LetterDetailsView> {
    const [letter, delivery] = await Promise.all([findLetter(this.dataSource, id), findDelivery(this.dataSource, id)]);
    if (!letter) throw notFound('The letter');
    return {
      id: letter.id,
      kind: letter.kind,
      title: this.kinds.title(letter.kind),
      about: letter.subjectName,
      subjectKind: letter.subjectKind,
      verificationCode: letter.verificationCode,
      templateVersion: letter.templateVersion,
      recipients: letter.recipients.map((r) => r.email),
      createdAt: letter.createdAt.toISOString(),
      renderedAt: letter.renderedAt?.toISOString() ?? null,
      hasPdf: letter.pdfKey !== null,
      hasHtml: letter.htmlKey !== null,
      delivery: delivery && {
        state: delivery.state,
        subject: delivery.subject,
        attempts: delivery.attempts,
        reason: delivery.reason,
        sentAt: delivery.sentAt?.toISOString() ?? null,
      },
    };
  }

  /** Emails that failed or whose fate is unknown, counted by state. */
  async undelivered(): Promise<{ failed: number; unknown: number }> {
    const rows = await this.dataSource.query<{ state: string; n: number }[]>(
      `SELECT state, count(*)::int AS n FROM mail_deliveries WHERE state IN ('failed', 'unknown') GROUP BY state`,
    );
    return { failed: rows.find((u) => u.state === 'failed')?.n ?? 0, unknown: rows.find((u) => u.state === 'unknown')?.n ?? 0 };
  }
}
