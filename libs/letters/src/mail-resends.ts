import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AuditService, conflict, notFound, Outbox, jobId } from '@npa/platform';
import type { ResendDeliveryDto, ResentDelivery } from './letters.dto';
import type { DeliveryState } from './mail-delivery.entity';

/**
 * NPA staff send an email again that failed or whose fate is unknown, once they know it did not
 * arrive: it goes back to `pending` and a deliver job of its own is queued, in one transaction with
 * the audit row. Only a failed or unknown email can be sent again, so a second click finds it
 * pending (or sent) and is refused with 409: it goes once.
 */
@Injectable()
export class MailResends {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
  ) {}

  async resend(id: string, dto: ResendDeliveryDto, actor: Actor): Promise<ResentDelivery> {
    return this.dataSource.transaction(async (manager) => {
      const [delivery] = await manager.query<
        { letter_id: string; state: DeliveryState; recipients: { email: string; name: string }[]; attempts: number; reason: string | null }[]
      >('SELECT letter_id, state, recipients, attempts, reason FROM mail_deliveries WHERE id = $1 FOR UPDATE', [id]);
      if (!delivery) throw notFound('The email');
      if (delivery.state !== 'failed' && delivery.state !== 'unknown')
        throw conflict('MAIL_DELIVERY.NOT_RESENDABLE', `This email is ${delivery.state}: only a failed email or one in an unknown state can be sent again.`);
      const recipients = dto.to ? [{ email: dto.to, name: delivery.recipients.length === 1 ? delivery.recipients[0].name : '' }] : delivery.recipients;
      await manager.query(
        `UPDATE mail_deliveries SET state = 'pending', recipients = $2, reason = $3, claimed_at = NULL, data_started_at = NULL WHERE id = $1`,
        [id, JSON.stringify(recipients), `Sent again: ${dto.reason}`],
      );
      await this.audit.record(
        {
          actor,
          action: 'mail_delivery.resent',
          entity: 'mail_delivery',
          entityId: id,
          before: { state: delivery.state, recipients: delivery.recipients.map((r) => r.email), reason: delivery.reason },
          after: { state: 'pending', recipients: recipients.map((r) => r.email), why: dto.reason },
        },
        manager,
      );
      // The first deliver job is done with; this send gets one of its own, named by the attempt it follows.
      await this.outbox.add(
        manager,
        'letter.deliver',
        { letterId: delivery.letter_id },
        { jobId: jobId('letter', 'deliver', delivery.letter_id, 'resend', delivery.attempts) },
      );
      return { id, letterId: delivery.letter_id, state: 'pending' as const, recipients: recipients.map((r) => r.email) };
    });
  }
}
