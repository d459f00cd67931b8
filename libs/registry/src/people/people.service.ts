import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, conflict, invalid, notFound, containsPattern, sortColumn, sortOrder, Clock, validateInput } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { Induction } from './induction.entity';
import { Membership } from './membership.entity';
import { CreateMembershipDto, CreatePersonDto, CreateQualificationDto, EndMembershipDto, InductionDto, PeopleQuery, UpdatePersonDto } from './people.dto';
import { linkByEmail } from './person-access.rules';
import { askTheOffice, createPerson, findPersonByEmail, toPersonView } from './people.repository';
import { Person } from './person.entity';
import { Qualification } from './qualification.entity';

const toMembershipView = (m: Membership) => ({ id: m.id, personId: m.personId, number: m.number, startDate: m.startDate, endDate: m.endDate });
const toQualificationView = (q: Qualification) => ({ id: q.id, personId: q.personId, kind: q.kind, status: q.status, date: q.date });

/** People and what the register knows of each: NPA membership, qualifications, induction. */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreatePersonDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const view = toPersonView(await createPerson(manager, dto.name, dto.email));
      await this.audit.record({ actor, action: 'person.created', entity: 'person', entityId: view.id, after: view }, manager);
      return view;
    });
  }

  /**
   * The person a team or staff form names by email and name (linkByEmail): the one on the register
   * when the name is theirs too, else someone new; any other case gets the same answer, whoever owns
   * the email, and is audited so the office can see who tried.
   */
  async forPost(form: { email: string; name: string }, actor: Actor): Promise<string> {
    const email = form.email.trim();
    const name = form.name.trim();
    if (!email) throw invalid('Enter their email address.', [{ field: 'email', problem: 'is needed to find or add the person' }]);
    if (!name) throw invalid('Enter their full name.', [{ field: 'name', problem: 'is needed to add the person' }]);
    const existing = await findPersonByEmail(this.dataSource.manager, email);
    const link = linkByEmail(existing, name);
    switch (link.kind) {
      case 'existing':
        return link.personId;
      case 'new':
        return (await this.create(validateInput(CreatePersonDto, { name, email }), actor)).id;
      case 'ask-office':
        await this.audit.record({ actor, action: 'person.link_refused', entity: 'person', entityId: existing?.id ?? null, after: { email, name } });
        throw askTheOffice();
    }
  }

  async update(id: string, dto: UpdatePersonDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.lockPerson(manager, id);
      if (dto.email) {
        const other = await findPersonByEmail(manager, dto.email);
        if (other && other.id !== id) throw conflict('PERSON.EMAIL_TAKEN', 'A person with this email is already on the register.');
      }
      const before = toPersonView(person);
      const after = toPersonView(
        await manager.save(Object.assign(person, { name: dto.name?.trim() ?? person.name, email: dto.email?.trim() ?? person.email })),
      );
      await this.audit.record({ actor, action: 'person.updated', entity: 'person', entityId: id, before, after }, manager);
      return after;
    });
  }

  async get(id: string) {
    const person = await this.dataSource.getRepository(Person).findOneBy({ id });
    if (!person) throw notFound('The person');
    const [memberships, qualifications, inductions] = await Promise.all([
      this.dataSource.getRepository(Membership).find({ where: { personId: id }, order: { startDate: 'ASC' } }),
      this.dataSource.getRepository(Qualification).find({ where: { personId: id }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(Induction).find({ where: { personId: id }, order: { completedOn: 'ASC' } }),
    ]);
    return {
      ...toPersonView(person),
      memberships: memberships.map(toMembershipView),
      qualifications: qualifications.map(toQualificationView),
      inductionCompletedOn: inductions[0]?.completedOn ?? null,
    };
  }

  async list(query: PeopleQuery) {
    const column = sortColumn(query, { name: 'p.name', email: 'p.email', createdAt: 'p.createdAt' }, 'p.name');
    const builder = this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .orderBy(column, sortOrder(query))
      .addOrderBy('p.id')
      .take(query.pageSize)
      .skip(query.offset);
    if (query.q) builder.where('(p.name ILIKE :q OR p.email ILIKE :q)', { q: containsPattern(query.q) });
    const [items, total] = await builder.getManyAndCount();
    return { items: items.map(toPersonView), total };
  }

  async addMembership(personId: string, dto: CreateMembershipDto, actor: Actor) {
    if (dto.endDate < dto.startDate) throw invalid('The membership ends before it starts.', [{ field: 'endDate', problem: 'must be on or after startDate' }]);
    return this.dataSource.transaction(async (manager) => {
      await this.lockPerson(manager, personId);
      const overlapping = await manager
        .createQueryBuilder(Membership, 'm')
        .where('m.personId = :personId AND m.startDate <= :end AND m.endDate >= :start', { personId, start: dto.startDate, end: dto.endDate })
        .orderBy('m.startDate')
        .getOne();
      if (overlapping)
        throw conflict(
          'MEMBERSHIP.OVERLAPS',
          `This person already has membership ${overlapping.number} from ${overlapping.startDate} to ${overlapping.endDate}, which covers some of those dates: start the new one after ${overlapping.endDate}, or end that one first.`,
        );
      const view = toMembershipView(await manager.save(manager.create(Membership, { personId, ...dto })));
      await this.audit.record({ actor, action: 'membership.added', entity: 'person', entityId: personId, after: view }, manager);
      return view;
    });
  }

  /** Memberships are end-dated (lapsed early, say), never deleted. */
  async endMembership(personId: string, membershipId: string, dto: EndMembershipDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const membership = await manager.findOne(Membership, { where: { id: membershipId, personId }, lock: { mode: 'pessimistic_write' } });
      if (!membership) throw notFound('The membership');
      if (dto.endDate < membership.startDate)
        throw invalid('The membership would end before it starts.', [{ field: 'endDate', problem: `must be on or after ${membership.startDate}` }]);
      const before = toMembershipView(membership);
      const after = toMembershipView(await manager.save(Object.assign(membership, { endDate: dto.endDate })));
      await this.audit.record({ actor, action: 'membership.end_dated', entity: 'person', entityId: personId, before, after }, manager);
      return after;
    });
  }

  async listMemberships(personId: string) {
    await this.assertPerson(personId);
    const rows = await this.dataSource.getRepository(Membership).find({ where: { personId }, order: { startDate: 'ASC' } });
    return rows.map(toMembershipView);
  }

  async addQualification(personId: string, dto: CreateQualificationDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      await this.lockPerson(manager, personId);
      const view = toQualificationView(await manager.save(manager.create(Qualification, { personId, ...dto, date: dto.date ?? null })));
      await this.audit.record({ actor, action: 'qualification.added', entity: 'person', entityId: personId, after: view }, manager);
      return view;
    });
  }

  async listQualifications(personId: string) {
    await this.assertPerson(personId);
    const rows = await this.dataSource.getRepository(Qualification).find({ where: { personId }, order: { createdAt: 'ASC' } });
    return rows.map(toQualificationView);
  }

  async recordInduction(personId: string, dto: InductionDto, actor: Actor) {
    if (dto.completedOn > this.clock.today())
      throw invalid('The induction cannot be completed in the future.', [{ field: 'completedOn', problem: 'must be today or earlier' }]);
    return this.dataSource.transaction(async (manager) => {
      await this.lockPerson(manager, personId);
      const row = await manager.save(manager.create(Induction, { personId, completedOn: dto.completedOn }));
      const view = { id: row.id, personId, completedOn: row.completedOn };
      await this.audit.record({ actor, action: 'induction.completed', entity: 'person', entityId: personId, after: view }, manager);
      return view;
    });
  }

  private async lockPerson(manager: EntityManager, id: string): Promise<Person> {
    const person = await manager.findOne(Person, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!person) throw notFound('The person');
    return person;
  }

  private async assertPerson(id: string): Promise<void> {
    if (!(await this.dataSource.getRepository(Person).existsBy({ id }))) throw notFound('The person');
  }
}
