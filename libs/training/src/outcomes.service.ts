import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, notFound, Clock, Outbox } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { Attendee } from './attendee.entity';
import { queueCertificates } from './certificates';
import { Outcome } from './outcome.entity';
import { notAttendee, outcomeUnchanged, tooEarly, trainerNotAccredited } from './training.errors';
import { accreditationsOf } from './training.queries';
import { canRecordOutcome, currentOutcomes, isAccreditedFor, newCertificateCode, normaliseCertificateCode } from './training.rules';
import { CertificateView, OutcomeView, RecordOutcomeDto, toOutcomeView } from './workshop.dto';
import { Workshop } from './workshop.entity';

@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  /** A first outcome, or a correction: a new row superseding the current one, never an edit. */
  async record(workshopId: string, dto: RecordOutcomeDto, actor: Actor): Promise<OutcomeView> {
    return this.dataSource.transaction(async (manager) => {
      const workshop = await manager.findOneBy(Workshop, { id: workshopId });
      if (!workshop) throw notFound('The workshop');
      // Locking the attendee makes two outcomes for one person wait for each other, so neither is lost.
      const attendee = await manager.findOne(Attendee, { where: { workshopId, personId: dto.personId }, lock: { mode: 'pessimistic_write' } });
      if (!attendee) throw notAttendee();
      if (!canRecordOutcome(this.clock.today(), workshop)) throw tooEarly(workshop.endDate);
      const periods = (await accreditationsOf(manager, [workshop.trainerId])).get(workshop.trainerId) ?? [];
      if (!isAccreditedFor(periods, workshop.startDate, workshop.endDate)) throw trainerNotAccredited(workshop.startDate, workshop.endDate);

      const history = await manager.find(Outcome, { where: { workshopId, personId: dto.personId }, order: { recordedAt: 'ASC' } });
      const current = currentOutcomes(history).at(-1) ?? null;
      if (current?.outcome === dto.outcome) throw outcomeUnchanged(dto.outcome);
      const row = await manager.save(
        manager.create(Outcome, {
          workshopId,
          personId: dto.personId,
          outcome: dto.outcome,
          certificateCode: dto.outcome === 'completed' ? newCertificateCode() : null,
          supersedesId: current?.id ?? null,
          recordedBy: actor.id,
        }),
      );
      // A backdated workshop's certificates wait for the NPA to confirm it (WorkshopsService.confirm).
      if (row.certificateCode && !workshop.awaitingConfirmation) await queueCertificates(this.outbox, manager, [row.id]);
      const view = toOutcomeView(row, true);
      const action = current ? 'outcome.corrected' : 'outcome.recorded';
      await this.audit.record({ actor, action, entity: 'outcome', entityId: row.id, before: current && toOutcomeView(current, false), after: view }, manager);
      return view;
    });
  }

  /** Every row ever recorded for the workshop, oldest first, each saying whether it still stands. */
  async history(workshopId: string): Promise<OutcomeView[]> {
    if (!(await this.dataSource.manager.existsBy(Workshop, { id: workshopId }))) throw notFound('The workshop');
    const rows = await this.dataSource.manager.find(Outcome, { where: { workshopId }, order: { recordedAt: 'ASC', id: 'ASC' } });
    const current = new Set(currentOutcomes(rows).map((r) => r.id));
    return rows.map((r) => toOutcomeView(r, current.has(r.id)));
  }

  /** Anyone may check a certificate; it says only what the paper says, and whether it still stands. */
  async verify(input: string): Promise<CertificateView> {
    const code = normaliseCertificateCode(input);
    const outcome = code
      ? await this.dataSource.manager.findOne(Outcome, {
          where: { certificateCode: code },
          relations: { person: true, workshop: { trainer: { person: true } } },
        })
      : null;
    // A workshop awaiting the NPA's confirmation has issued no certificate yet: it answers as an unknown code.
    if (!outcome?.person || !outcome.workshop?.trainer?.person || outcome.workshop.awaitingConfirmation) throw notFound('The certificate');
    const correction = await this.dataSource.manager.findOneBy(Outcome, { supersedesId: outcome.id });
    const view = { name: outcome.person.name, workshopEndDate: outcome.workshop.endDate, trainerName: outcome.workshop.trainer.person.name };
    // Withdrawn by the correction that superseded the completion, from the moment it was recorded.
    return correction ? { ...view, valid: false, withdrawnAt: correction.recordedAt.toISOString() } : { ...view, valid: true };
  }
}
