import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, invalid, notFound, Clock, containsPattern, prepared, sortColumn, sortOrder } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { organisationLimit } from '../registry.scopes';
import { Service } from './service.entity';
import { CreateServiceDto, ServiceQuery, type ServiceRow, toServiceView, UpdateServiceDto } from './services.dto';

@Injectable()
export class ServicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A registration date decides which years' returns a service owes, so it can never be in the future. */
  private refuseFutureRegistration(dto: { registeredOn?: string }): void {
    if (dto.registeredOn && dto.registeredOn > this.clock.today())
      throw invalid('A service cannot be registered on a future date.', [{ field: 'registeredOn', problem: 'must be today or earlier' }]);
  }

  async register(dto: CreateServiceDto, actor: Actor) {
    this.refuseFutureRegistration(dto);
    return this.dataSource.transaction(async (manager) => {
      const [{ n }] = await manager.query<{ n: string }[]>(`SELECT nextval('service_registration_seq') AS n`);
      const service = await manager.save(manager.create(Service, { ...dto, registrationNumber: `NPA-S-${n.padStart(5, '0')}` }));
      const view = toServiceView(service);
      await this.audit.record({ actor, action: 'service.registered', entity: 'service', entityId: service.id, after: view }, manager);
      return view;
    });
  }

  async update(id: string, dto: UpdateServiceDto, actor: Actor) {
    this.refuseFutureRegistration(dto);
    return this.dataSource.transaction(async (manager) => {
      const service = await manager.findOne(Service, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!service) throw notFound('The service');
      const before = toServiceView(service);
      const after = toServiceView(await manager.save(Object.assign(service, dto)));
      await this.audit.record({ actor, action: 'service.updated', entity: 'service', entityId: id, before, after }, manager);
      return after;
    });
  }

  async get(id: string) {
    // A prepared read of the view's columns: TypeORM's query building cost more than PostgreSQL's work
    // on this, one of the most read routes (README, Benchmarks).
    const [service] = await prepared<ServiceRow>(
      this.dataSource,
      'registry.service.by.id',
      `SELECT id, name, local_authority AS "localAuthority", region, age_range AS "ageRange", registration_number AS "registrationNumber",
              registered_on::text AS "registeredOn", created_at AS "createdAt", updated_at AS "updatedAt"
         FROM services WHERE id = $1`,
      [id],
    );
    if (!service) throw notFound('The service');
    return toServiceView(service);
  }

  async list(query: ServiceQuery, actor: Actor) {
    const column = sortColumn(
      query,
      { name: 's.name', region: 's.region', localAuthority: 's.localAuthority', registrationNumber: 's.registrationNumber', registeredOn: 's.registeredOn' },
      's.name',
    );
    const builder = this.dataSource
      .getRepository(Service)
      .createQueryBuilder('s')
      .orderBy(column, sortOrder(query))
      .addOrderBy('s.id')
      .take(query.pageSize)
      .skip(query.offset);
    const limit = organisationLimit(actor);
    if (limit) builder.andWhere('s.id = :limit', { limit });
    if (query.region) builder.andWhere('s.region = :region', { region: query.region });
    if (query.q) builder.andWhere('(s.name ILIKE :q OR s.localAuthority ILIKE :q)', { q: containsPattern(query.q) });
    const [items, total] = await builder.getManyAndCount();
    return { items: items.map(toServiceView), total };
  }

  /** Every service by name, for choosing one in a form. */
  async options(): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query('SELECT id, name FROM services ORDER BY name, id LIMIT 2000');
  }
}
