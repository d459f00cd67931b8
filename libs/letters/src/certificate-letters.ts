import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, OnJob } from '@npa/platform';
import { certificateFacts } from '@npa/training';
import { DeliveryChecks } from './delivery-checks';
import { LetterStanding } from './letter-standing';
import type { Letter } from './letter.entity';
import { LettersService } from './letters.service';

/** One certificate letter per completion, whoever queues it, however often. */
export const certificateDedupeKey = (outcomeId: string) => `workshop-certificate.${outcomeId}`;

/**
 * The certificate letter of a recorded completion (queued by training through the outbox): kept on the
 * person's record and emailed to them. A completion corrected before its letter goes is not sent.
 */
@Injectable()
export class CertificateLetters implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: LettersService,
    private readonly checks: DeliveryChecks,
    private readonly standing: LetterStanding,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.checks.register((letters) => Promise.all(letters.map((letter) => this.stillStands(letter))));
  }

  @OnJob('certificate.issue')
  async issue({ outcomeId }: { outcomeId: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const facts = await certificateFacts(manager, outcomeId);
      if (!facts?.issuable) return;
      const { person, workshop, trainer, certificateCode } = facts;
      await this.letters.request(manager, {
        kind: 'workshop-certificate',
        subjectKind: 'person',
        subjectId: person.id,
        subjectName: person.name,
        dedupeKey: certificateDedupeKey(outcomeId),
        letterDate: this.clock.today(),
        data: { name: person.name, workshop: { startDate: workshop.startDate, endDate: workshop.endDate, venue: workshop.venue }, trainer, certificateCode },
        addressee: { name: person.name, addressLines: [] },
        recipients: [{ email: person.email, name: person.name }],
      });
    });
  }

  private async stillStands(letter: Letter): Promise<{ send: true } | { send: false; reason: string }> {
    if (letter.kind !== 'workshop-certificate') return { send: true };
    const standing = await this.standing.of(letter, this.clock.today());
    return standing.stands ? { send: true } : { send: false, reason: standing.why };
  }
}
