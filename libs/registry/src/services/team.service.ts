import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, conflict, invalid, notFound, sortColumn, sortOrder } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { Person } from '../people/person.entity';
import { NetworkingAttendance } from './networking-attendance.entity';
import { Service } from './service.entity';
import { AddTeamMemberDto, DateRangeQuery, NetworkingAttendanceDto, TeamQuery, UpdateTeamMemberDto } from './services.dto';
import { TeamMember } from './team-member.entity';

const toMemberView = (m: TeamMember, person?: Person) => ({
  id: m.id,
  serviceId: m.serviceId,
  personId: m.personId,
  name: person?.name ?? m.person?.name,
  email: person?.email ?? m.person?.email,
  role: m.role,
  fte: m.fte,
  caseload: m.caseload,
  startDate: m.startDate,
  endDate: m.endDate,
});

/** A service's team over time, and its attendance at networking events. */
@Injectable()
export class TeamService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async add(serviceId: string, dto: AddTeamMemberDto, actor: Actor) {
    if (dto.endDate && dto.endDate < dto.startDate)
      throw invalid('The end date is before the start date.', [{ field: 'endDate', problem: 'must be on or after startDate' }]);
    return this.dataSource.transaction(async (manager) => {
      await this.lockService(manager, serviceId);
      const person = await manager.findOneBy(Person, { id: dto.personId });
      if (!person) throw invalid('There is no person with that id.', [{ field: 'personId', problem: 'is not a person on the register' }]);
      const overlapping = await manager
        .createQueryBuilder(TeamMember, 't')
        .where('t.serviceId = :serviceId AND t.personId = :personId', { serviceId, personId: dto.personId })
        .andWhere('t.startDate <= :end AND (t.endDate IS NULL OR t.endDate >= :start)', { start: dto.startDate, end: dto.endDate ?? '9999-12-31' })
        .getExists();
      if (overlapping) throw conflict('TEAM.ALREADY_IN_POST', `${person.name} already has a post in this team over those dates; end it first.`);
      const member = await manager.save(manager.create(TeamMember, { serviceId, ...dto, endDate: dto.endDate ?? null }));
      const view = toMemberView(member, person);
      await this.audit.record({ actor, action: 'team_member.added', entity: 'service', entityId: serviceId, after: view }, manager);
      return view;
    });
  }

  async update(serviceId: string, memberId: string, dto: UpdateTeamMemberDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(TeamMember, {
        where: { id: memberId, serviceId },
        relations: { person: true },
        lock: { mode: 'pessimistic_write', tables: ['team_members'] },
      });
      if (!member) throw notFound('The team member');
      if (dto.endDate && dto.endDate < member.startDate)
        throw invalid('The end date is before the start date.', [{ field: 'endDate', problem: `must be on or after ${member.startDate}` }]);
      const before = toMemberView(member);
      Object.assign(member, dto);
      const after = toMemberView(await manager.save(member));
      const action = dto.endDate ? 'team_member.left' : 'team_member.updated';
      await this.audit.record({ actor, action, entity: 'service', entityId: serviceId, before, after }, manager);
      return after;
    });
  }

  async list(serviceId: string, query: TeamQuery) {
    await this.assertService(serviceId);
    const column = sortColumn(query, { name: 'p.name', role: 't.role', startDate: 't.startDate', endDate: 't.endDate' }, 'p.name');
    const builder = this.dataSource
      .getRepository(TeamMember)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.person', 'p')
      .where('t.serviceId = :serviceId', { serviceId });
    if (query.asOf) builder.andWhere('t.startDate <= :asOf AND (t.endDate IS NULL OR t.endDate >= :asOf)', { asOf: query.asOf });
    if (query.role) builder.andWhere('t.role = :role', { role: query.role });
    const [items, total] = await builder.orderBy(column, sortOrder(query)).addOrderBy('t.id').take(query.pageSize).skip(query.offset).getManyAndCount();
    return { items: items.map((m) => toMemberView(m)), total };
  }

  async recordNetworking(serviceId: string, dto: NetworkingAttendanceDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      await this.lockService(manager, serviceId);
      const row = await manager.save(manager.create(NetworkingAttendance, { serviceId, ...dto }));
      const view = { id: row.id, serviceId, date: row.date, event: row.event };
      await this.audit.record({ actor, action: 'networking.attended', entity: 'service', entityId: serviceId, after: view }, manager);
      return view;
    });
  }

  async listNetworking(serviceId: string, query: DateRangeQuery) {
    await this.assertService(serviceId);
    const builder = this.dataSource.getRepository(NetworkingAttendance).createQueryBuilder('n').where('n.serviceId = :serviceId', { serviceId });
    if (query.from) builder.andWhere('n.date >= :from', { from: query.from });
    if (query.to) builder.andWhere('n.date <= :to', { to: query.to });
    const [items, total] = await builder.orderBy('n.date', 'DESC').addOrderBy('n.id').take(query.pageSize).skip(query.offset).getManyAndCount();
    return { items: items.map((n) => ({ id: n.id, serviceId, date: n.date, event: n.event })), total };
  }

  private async lockService(manager: EntityManager, serviceId: string): Promise<void> {
    const service = await manager.findOne(Service, { where: { id: serviceId }, lock: { mode: 'pessimistic_read' } });
    if (!service) throw notFound('The service');
  }

  private async assertService(serviceId: string): Promise<void> {
    if (!(await this.dataSource.getRepository(Service).existsBy({ id: serviceId }))) throw notFound('The service');
  }
}
