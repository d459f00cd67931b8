import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, conflict, invalid, notFound, Page, pageOf, sortColumn, Clock, userById } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { Person } from '@npa/registry';
import { Accreditation } from './accreditation.entity';
import { Trainer } from './trainer.entity';
import { TrainerAccounts } from './trainer-accounts';
import {
  AccreditationDto,
  AccreditationView,
  CreateTrainerDto,
  TrainerAccountDto,
  toAccreditationView,
  toTrainerView,
  TrainerQuery,
  TrainerView,
} from './trainer.dto';
import { alreadyTrainer, assertInOrder, samePeriod } from './training.errors';
import { accreditationsOf } from './training.queries';

const PERIOD_FIELDS = { start: 'accreditedFrom', end: 'accreditedTo' };

@Injectable()
export class TrainersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly accounts: TrainerAccounts,
  ) {}

  async create(dto: CreateTrainerDto, actor: Actor): Promise<TrainerView> {
    assertInOrder(dto.accreditedFrom, dto.accreditedTo, PERIOD_FIELDS);
    return this.dataSource.transaction(async (manager) => {
      const person = await manager.findOneBy(Person, { id: dto.personId });
      if (!person) throw notFound('The person');
      if (await manager.existsBy(Trainer, { personId: person.id })) throw alreadyTrainer();
      const trainer = await manager.save(manager.create(Trainer, { personId: person.id }));
      trainer.userId = await this.accounts.linkNewTrainer(manager, trainer.id, person.email, actor);
      const period = await manager.save(
        manager.create(Accreditation, { trainerId: trainer.id, accreditedFrom: dto.accreditedFrom, accreditedTo: dto.accreditedTo }),
      );
      const view = toTrainerView(trainer, person, [period], this.clock.today());
      await this.audit.record({ actor, action: 'trainer.created', entity: 'trainer', entityId: trainer.id, after: view }, manager);
      return view;
    });
  }

  /** A renewal is a new period beside the old ones, so the record shows every period ever held. */
  async addAccreditation(trainerId: string, dto: AccreditationDto, actor: Actor): Promise<AccreditationView> {
    assertInOrder(dto.accreditedFrom, dto.accreditedTo, PERIOD_FIELDS);
    return this.dataSource.transaction(async (manager) => {
      const trainer = await this.lockTrainer(manager, trainerId);
      const periods = (await accreditationsOf(manager, [trainer.id])).get(trainer.id) ?? [];
      // A double-submitted form, not a renewal.
      if (periods.some((p) => p.accreditedFrom === dto.accreditedFrom && p.accreditedTo === dto.accreditedTo))
        throw samePeriod(dto.accreditedFrom, dto.accreditedTo);
      const period = await manager.save(
        manager.create(Accreditation, { trainerId: trainer.id, accreditedFrom: dto.accreditedFrom, accreditedTo: dto.accreditedTo }),
      );
      const view = toAccreditationView(period);
      await this.audit.record({ actor, action: 'accreditation.added', entity: 'trainer', entityId: trainer.id, after: view }, manager);
      return view;
    });
  }

  /** NPA staff link the trainer record to a trainer's account by hand (or move it to another). */
  async linkAccount(trainerId: string, dto: TrainerAccountDto, actor: Actor): Promise<TrainerView> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockTrainer(manager, trainerId);
      const user = await userById(manager, dto.userId);
      if (user?.role !== 'trainer')
        throw invalid('That is not the id of a trainer account.', [{ field: 'userId', problem: 'must be the id of a user with the trainer role' }]);
      const [linked] = await manager.query<{ id: string }[]>('SELECT id FROM trainers WHERE user_id = $1', [user.id]);
      if (linked && linked.id !== trainerId) throw conflict('TRAINER.ACCOUNT_TAKEN', 'That account is already linked to another trainer record.');
      await this.accounts.link(manager, trainerId, dto.userId, actor);
    });
    return this.get(trainerId);
  }

  async get(id: string): Promise<TrainerView> {
    const trainer = await this.dataSource.getRepository(Trainer).findOne({ where: { id }, relations: { person: true } });
    if (!trainer?.person) throw notFound('The trainer');
    const periods = await accreditationsOf(this.dataSource.manager, [trainer.id]);
    return toTrainerView(trainer, trainer.person, periods.get(trainer.id) ?? [], this.clock.today());
  }

  async list(query: TrainerQuery): Promise<Page<TrainerView>> {
    const column = sortColumn(query, { name: 'p.name', email: 'p.email', createdAt: 't.createdAt' }, 'p.name');
    const builder = this.dataSource
      .getRepository(Trainer)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.person', 'p')
      .orderBy(column, query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('t.id')
      .take(query.pageSize)
      .skip(query.offset);
    if (query.current !== undefined) {
      const accredited =
        'EXISTS (SELECT 1 FROM trainer_accreditations a WHERE a.trainer_id = t.id AND a.accredited_from <= :today AND a.accredited_to >= :today)';
      builder.where(query.current === 'true' ? accredited : `NOT ${accredited}`, { today: this.clock.today() });
    }
    const [trainers, total] = await builder.getManyAndCount();
    const periods = await accreditationsOf(
      this.dataSource.manager,
      trainers.map((t) => t.id),
    );
    const today = this.clock.today();
    return pageOf(
      trainers.map((t) => toTrainerView(t, t.person as Person, periods.get(t.id) ?? [], today)),
      total,
      query,
    );
  }

  private async lockTrainer(manager: EntityManager, id: string): Promise<Trainer> {
    const trainer = await manager.findOne(Trainer, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!trainer) throw notFound('The trainer');
    return trainer;
  }
}
