import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '@npa/platform';
import { LETTER_TITLES, type LetterKind, Letter, MailDelivery } from '@npa/letters';

/** One letter as the office looks at it: what it is, for whom, its template version and its email. */
@Injectable()
export class LetterDetails {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(id: string) {
    const letter = await this.dataSource.getRepository(Letter).findOneBy({ id });
    if (!letter) throw notFound('The letter');
    const delivery = await this.dataSource.getRepository(MailDelivery).findOneBy({ letterId: id });
    return {
      id: letter.id,
      kind: letter.kind,
      title: LETTER_TITLES[letter.kind as LetterKind] ?? letter.kind,
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
}
