import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, conflict, notFound } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { LocalAuthority } from './local-authority.entity';
import type { CreateLocalAuthorityDto, LocalAuthorityQuery, UpdateLocalAuthorityDto } from './returns.dto';

const view = (a: LocalAuthority) => ({ code: a.code, name: a.name, region: a.region, kind: a.kind, startedOn: a.startedOn, endedOn: a.endedOn });

/** The reference table of local authorities, kept by the NPA office as authorities merge and split. */
@Injectable()
export class LocalAuthoritiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: LocalAuthorityQuery) {
    const builder = this.dataSource.getRepository(LocalAuthority).createQueryBuilder('a').orderBy('a.region').addOrderBy('a.name');
    if (query.region) builder.andWhere('a.region = :region', { region: query.region });
    if (query.q) builder.andWhere('(a.name ILIKE :q OR a.code ILIKE :q)', { q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const rows = await builder.getMany();
    return { items: rows.map(view), total: rows.length, current: rows.filter((a) => a.endedOn === null).length };
  }

  async create(dto: CreateLocalAuthorityDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const clash = await manager.findOne(LocalAuthority, { where: [{ code: dto.code }, { name: dto.name }] });
      if (clash)
        throw conflict('LOCAL_AUTHORITY.EXISTS', `${clash.name} (${clash.code}) is already in the table.`, [
          { field: clash.code === dto.code ? 'code' : 'name', problem: 'is already in the table' },
        ]);
      const saved = await manager.save(manager.create(LocalAuthority, { ...dto, startedOn: null, endedOn: null }));
      await this.audit.record({ actor, action: 'local-authority.added', entity: 'local_authority', entityId: saved.code, after: view(saved) }, manager);
      return view(saved);
    });
  }

  async update(code: string, dto: UpdateLocalAuthorityDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(LocalAuthority, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('The local authority');
      if (dto.name && dto.name !== row.name && (await manager.existsBy(LocalAuthority, { name: dto.name }))) {
        throw conflict('LOCAL_AUTHORITY.EXISTS', `Another local authority is already called ${dto.name}.`, [
          { field: 'name', problem: 'is already in the table' },
        ]);
      }
      const before = view(row);
      Object.assign(row, dto);
      const saved = await manager.save(row);
      await this.audit.record({ actor, action: 'local-authority.changed', entity: 'local_authority', entityId: code, before, after: view(saved) }, manager);
      return view(saved);
    });
  }
}
