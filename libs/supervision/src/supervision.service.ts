import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, invalid, notFound, ProblemDetail, Clock } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { Service, TeamMember, DateRangeQuery } from '@npa/registry';
import { SupervisionParticipant } from './supervision-participant.entity';
import { SupervisionSession } from './supervision-session.entity';
import { RecordSessionDto } from './supervision.dto';

const toSessionView = (s: SupervisionSession, practitionerIds: string[]) => ({
  id: s.id,
  serviceId: s.serviceId,
  date: s.date,
  supervisorId: s.supervisorId,
  practitionerIds,
  kind: practitionerIds.length > 1 ? ('group' as const) : ('individual' as const),
});

/** The supervision log: who was supervised, by whom, when. The rules read it; this only records. */
@Injectable()
export class SupervisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async record(serviceId: string, dto: RecordSessionDto, actor: Actor) {
    if (dto.date > this.clock.today())
      throw invalid('A supervision session cannot be recorded for a future date.', [{ field: 'date', problem: 'must be today or earlier' }]);
    return this.dataSource.transaction(async (manager) => {
      const service = await manager.findOne(Service, { where: { id: serviceId }, lock: { mode: 'pessimistic_read' } });
      if (!service) throw notFound('The service');
      const team = await manager
        .createQueryBuilder(TeamMember, 't')
        .where('t.serviceId = :serviceId AND t.personId IN (:...ids)', { serviceId, ids: [dto.supervisorId, ...dto.practitionerIds] })
        .andWhere('t.startDate <= :date AND (t.endDate IS NULL OR t.endDate >= :date)', { date: dto.date })
        .getMany();
      const problems: ProblemDetail[] = [];
      if (!team.some((m) => m.personId === dto.supervisorId)) problems.push({ field: 'supervisorId', problem: `is not on this service's team on ${dto.date}` });
      dto.practitionerIds.forEach((id, i) => {
        if (!team.some((m) => m.personId === id && m.role === 'practitioner'))
          problems.push({ field: `practitionerIds.${i}`, problem: `is not a practitioner in this team on ${dto.date}` });
      });
      if (problems.length > 0) throw invalid('The session names people who are not on the team that day.', problems);
      const session = await manager.save(
        manager.create(SupervisionSession, { serviceId, date: dto.date, supervisorId: dto.supervisorId, recordedBy: actor.id }),
      );
      await manager.insert(
        SupervisionParticipant,
        dto.practitionerIds.map((practitionerId) => ({ sessionId: session.id, sessionDate: session.date, practitionerId })),
      );
      const view = toSessionView(session, dto.practitionerIds);
      await this.audit.record({ actor, action: 'supervision.recorded', entity: 'service', entityId: serviceId, after: view }, manager);
      return view;
    });
  }

  async list(serviceId: string, query: DateRangeQuery) {
    if (!(await this.dataSource.getRepository(Service).existsBy({ id: serviceId }))) throw notFound('The service');
    const builder = this.dataSource.getRepository(SupervisionSession).createQueryBuilder('s').where('s.serviceId = :serviceId', { serviceId });
    if (query.from) builder.andWhere('s.date >= :from', { from: query.from });
    if (query.to) builder.andWhere('s.date <= :to', { to: query.to });
    const [sessions, total] = await builder.orderBy('s.date', 'DESC').addOrderBy('s.id').take(query.pageSize).skip(query.offset).getManyAndCount();
    const participants = sessions.length
      ? await this.dataSource
          .getRepository(SupervisionParticipant)
          .createQueryBuilder('p')
          .where('p.sessionId IN (:...ids)', { ids: sessions.map((s) => s.id) })
          .getMany()
      : [];
    const items = sessions.map((s) =>
      toSessionView(
        s,
        participants.filter((p) => p.sessionId === s.id).map((p) => p.practitionerId),
      ),
    );
    return { items, total };
  }
}
