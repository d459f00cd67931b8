import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, isNpaStaff, conflict, notFound, Clock, Outbox, Page, pageOf, sortColumn } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { Attendee } from './attendee.entity';
import { queueCertificates, standingCompletionIds } from './certificates';
import { Outcome } from './outcome.entity';
import { Trainer } from './trainer.entity';
import { assertInOrder } from './training.errors';
import { accreditationsOf, trainerOfActor } from './training.queries';
import { currentOutcomes, isAccreditedFor, needsConfirmation } from './training.rules';
import { CreateWorkshopDto, toAttendeeLine, toWorkshopView, WorkshopDetailView, WorkshopQuery, WorkshopView } from './workshop.dto';
import { Workshop } from './workshop.entity';
import { WorkshopBackdateDays } from './workshop-backdate-days';

@Injectable()
export class WorkshopsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly backdateDays: WorkshopBackdateDays,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Scheduling is allowed whatever the trainer's accreditation (a renewal may still be on its way);
   * the view says so, and outcomes are refused until one period holds the workshop.
   */
  async create(dto: CreateWorkshopDto, actor: Actor): Promise<WorkshopView> {
    assertInOrder(dto.startDate, dto.endDate, { start: 'startDate', end: 'endDate' });
    const workshopBackdateDays = await this.backdateDays.current();
    const awaitingConfirmation = needsConfirmation(dto, this.clock.today(), workshopBackdateDays, isNpaStaff(actor.role));
    return this.dataSource.transaction(async (manager) => {
      const trainer = await this.trainerFor(manager, dto.trainerId, actor);
      const workshop = await manager.save(
        manager.create(Workshop, {
          trainerId: trainer.id,
          startDate: dto.startDate,
          endDate: dto.endDate,
          venue: dto.venue.trim(),
          capacity: dto.capacity,
          online: dto.online ?? false,
          awaitingConfirmation,
        }),
      );
      const periods = (await accreditationsOf(manager, [trainer.id])).get(trainer.id) ?? [];
      const view = toWorkshopView(workshop, trainer.person?.name ?? '', 0, isAccreditedFor(periods, workshop.startDate, workshop.endDate));
      await this.audit.record({ actor, action: 'workshop.created', entity: 'workshop', entityId: workshop.id, after: view }, manager);
      return view;
    });
  }

  /** NPA staff confirm that a backdated workshop took place: from then on its completions count. */
  async confirm(id: string, actor: Actor): Promise<WorkshopView> {
    return this.dataSource.transaction(async (manager) => {
      const workshop = await manager.findOne(Workshop, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!workshop) throw notFound('The workshop');
      if (!workshop.awaitingConfirmation)
        throw conflict('WORKSHOP.NOT_AWAITING_CONFIRMATION', 'This workshop is not waiting for confirmation: its completions already count.');
      await manager.update(Workshop, { id }, { awaitingConfirmation: false, confirmedAt: this.clock.now(), confirmedBy: actor.id });
      await queueCertificates(this.outbox, manager, await standingCompletionIds(manager, id), 'confirmed');
      const [view] = await this.views(manager, [(await this.withTrainer(manager).where('w.id = :id', { id }).getOne())!]);
      await this.audit.record(
        { actor, action: 'workshop.confirmed', entity: 'workshop', entityId: id, before: { awaitingConfirmation: true }, after: view },
        manager,
      );
      return view;
    });
  }

  /** Backdated workshops waiting for NPA staff, oldest first: the office dashboard lists them. */
  async awaitingConfirmation(limit = 50): Promise<WorkshopView[]> {
    const workshops = await this.withTrainer(this.dataSource.manager)
      .where('w.awaitingConfirmation')
      .orderBy('w.createdAt')
      .addOrderBy('w.id')
      .take(limit)
      .getMany();
    return this.views(this.dataSource.manager, workshops);
  }

  async list(query: WorkshopQuery, actor: Actor): Promise<Page<WorkshopView>> {
    if (query.from && query.to) assertInOrder(query.from, query.to, { start: 'from', end: 'to' });
    const column = sortColumn(query, { startDate: 'w.startDate', endDate: 'w.endDate', createdAt: 'w.createdAt' }, 'w.startDate');
    const builder = this.withTrainer(this.dataSource.manager)
      .orderBy(column, query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('w.id')
      .take(query.pageSize)
      .skip(query.offset);
    // A trainer's list is their own workshops, found the same way as the `workshop` scope.
    if (!isNpaStaff(actor.role)) builder.andWhere('t.userId = :userId', { userId: actor.id });
    if (query.from) builder.andWhere('w.endDate >= :from', { from: query.from });
    if (query.to) builder.andWhere('w.startDate <= :to', { to: query.to });
    const [workshops, total] = await builder.getManyAndCount();
    return pageOf(await this.views(this.dataSource.manager, workshops), total, query);
  }

  async get(id: string): Promise<WorkshopDetailView> {
    const manager = this.dataSource.manager;
    const workshop = await this.withTrainer(manager).where('w.id = :id', { id }).getOne();
    if (!workshop) throw notFound('The workshop');
    const attendees = await manager
      .createQueryBuilder(Attendee, 'a')
      .innerJoinAndSelect('a.person', 'ap')
      .where('a.workshopId = :id', { id })
      .orderBy('ap.name')
      .addOrderBy('a.id')
      .getMany();
    const outcomeOf = new Map(currentOutcomes(await manager.findBy(Outcome, { workshopId: id })).map((o) => [o.personId, o]));
    const [view] = await this.views(manager, [workshop]);
    return { ...view, attendees: attendees.flatMap((a) => (a.person ? [toAttendeeLine(a, a.person, outcomeOf.get(a.personId))] : [])) };
  }

  /** Staff may name any trainer; a trainer only themself, and any other id is "not found" to them. */
  private async trainerFor(manager: EntityManager, trainerId: string, actor: Actor): Promise<Trainer> {
    if (!isNpaStaff(actor.role) && (await trainerOfActor(manager, actor))?.id !== trainerId) throw notFound('The trainer');
    const trainer = await manager.findOne(Trainer, { where: { id: trainerId }, relations: { person: true } });
    if (!trainer) throw notFound('The trainer');
    return trainer;
  }

  private withTrainer(manager: EntityManager) {
    return manager.createQueryBuilder(Workshop, 'w').innerJoinAndSelect('w.trainer', 't').innerJoinAndSelect('t.person', 'p');
  }

  /** Attendee counts and accreditation for a page of workshops: one query each, not one per workshop. */
  private async views(manager: EntityManager, workshops: Workshop[]): Promise<WorkshopView[]> {
    if (workshops.length === 0) return [];
    const counts: { workshopId: string; count: number }[] = await manager
      .createQueryBuilder(Attendee, 'a')
      .select('a.workshopId', 'workshopId')
      .addSelect('COUNT(*)::int', 'count')
      .where('a.workshopId IN (:...ids)', { ids: workshops.map((w) => w.id) })
      .groupBy('a.workshopId')
      .getRawMany();
    const countOf = new Map(counts.map((c) => [c.workshopId, c.count]));
    const periods = await accreditationsOf(manager, [...new Set(workshops.map((w) => w.trainerId))]);
    return workshops.map((w) =>
      toWorkshopView(w, w.trainer?.person?.name ?? '', countOf.get(w.id) ?? 0, isAccreditedFor(periods.get(w.trainerId) ?? [], w.startDate, w.endDate)),
    );
  }
}
