import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, conflict, invalid, notFound, containsPattern, sortColumn, sortOrder, Clock } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { Person } from '../people/person.entity';
import { organisationLimit } from '../registry.scopes';
import { Setting } from './setting.entity';
import { SettingStaff } from './setting-staff.entity';
import { StaffCountChange } from './staff-count-change.entity';
import { AddStaffDto, CreateSettingDto, EndStaffDto, SettingQuery, StaffQuery, toSettingView, UpdateSettingDto } from './settings.dto';

const toStaffView = (s: SettingStaff, person?: Person) => ({
  id: s.id,
  settingId: s.settingId,
  personId: s.personId,
  name: person?.name ?? s.person?.name,
  email: person?.email ?? s.person?.email,
  startDate: s.startDate,
  endDate: s.endDate,
});
const toStaffCountChangeView = (c: StaffCountChange) => ({
  fromCount: c.fromCount,
  toCount: c.toCount,
  changedAt: c.changedAt.toISOString(),
  changedBy: { name: c.changedByName, role: c.changedByRole },
});
export type StaffCountChangeView = ReturnType<typeof toStaffCountChangeView>;

/** Early years settings, their Ofsted inspections and their staff over time. */
@Injectable()
export class SettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateSettingDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Setting, { ofstedUrn: dto.ofstedUrn }))
        throw conflict('SETTING.URN_TAKEN', `A setting with Ofsted URN ${dto.ofstedUrn} is already on the register.`);
      const view = toSettingView(await manager.save(manager.create(Setting, { ...dto, localArea: dto.localArea ?? null })));
      await this.audit.record({ actor, action: 'setting.created', entity: 'setting', entityId: view.id, after: view }, manager);
      return view;
    });
  }

  async update(id: string, dto: UpdateSettingDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const setting = await this.lockSetting(manager, id);
      const before = toSettingView(setting);
      const after = toSettingView(await manager.save(Object.assign(setting, dto)));
      await this.audit.record({ actor, action: 'setting.updated', entity: 'setting', entityId: id, before, after }, manager);
      // A field left out of the body arrives as undefined: only a count actually sent can change it.
      if (dto.staffCount !== undefined && dto.staffCount !== before.staffCount) {
        await manager.insert(StaffCountChange, {
          settingId: id,
          fromCount: before.staffCount,
          toCount: dto.staffCount,
          changedBy: actor.id,
          changedByName: actor.name,
          changedByRole: actor.role,
        });
        await this.audit.record(
          {
            actor,
            action: 'setting.staff_count_changed',
            entity: 'setting',
            entityId: id,
            before: { staffCount: before.staffCount },
            after: { staffCount: after.staffCount },
          },
          manager,
        );
      }
      return after;
    });
  }

  async get(id: string) {
    const setting = await this.dataSource.getRepository(Setting).findOneBy({ id });
    if (!setting) throw notFound('The setting');
    return toSettingView(setting);
  }

  async list(query: SettingQuery, actor: Actor) {
    const column = sortColumn(query, { name: 's.name', ofstedUrn: 's.ofstedUrn', kind: 's.kind', createdAt: 's.createdAt' }, 's.name');
    const builder = this.dataSource
      .getRepository(Setting)
      .createQueryBuilder('s')
      .orderBy(column, sortOrder(query))
      .addOrderBy('s.id')
      .take(query.pageSize)
      .skip(query.offset);
    const limit = organisationLimit(actor);
    if (limit) builder.andWhere('s.id = :limit', { limit });
    if (query.kind) builder.andWhere('s.kind = :kind', { kind: query.kind });
    if (query.q) builder.andWhere('(s.name ILIKE :q OR s.ofstedUrn ILIKE :q)', { q: containsPattern(query.q) });
    const [items, total] = await builder.getManyAndCount();
    return { items: items.map(toSettingView), total };
  }

  /** Every setting by name, for choosing one in a form. */
  async options(): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query('SELECT id, name FROM settings ORDER BY name, id LIMIT 2000');
  }

  /** Every change to the declared staff count, newest first: it sets SA-TRAINED's bar, so reviewers see each one. */
  async staffCountChanges(settingId: string) {
    await this.get(settingId);
    const rows = await this.dataSource.getRepository(StaffCountChange).find({ where: { settingId }, order: { changedAt: 'DESC', id: 'ASC' } });
    return rows.map(toStaffCountChangeView);
  }

  async addStaff(settingId: string, dto: AddStaffDto, actor: Actor) {
    if (dto.endDate && dto.endDate < dto.startDate)
      throw invalid('The end date is before the start date.', [{ field: 'endDate', problem: 'must be on or after startDate' }]);
    return this.dataSource.transaction(async (manager) => {
      await this.lockSetting(manager, settingId);
      const person = await manager.findOneBy(Person, { id: dto.personId });
      if (!person) throw invalid('There is no person with that id.', [{ field: 'personId', problem: 'is not a person on the register' }]);
      const overlapping = await manager
        .createQueryBuilder(SettingStaff, 's')
        .where('s.settingId = :settingId AND s.personId = :personId', { settingId, personId: dto.personId })
        .andWhere('s.startDate <= :end AND (s.endDate IS NULL OR s.endDate >= :start)', { start: dto.startDate, end: dto.endDate ?? '9999-12-31' })
        .getExists();
      if (overlapping) throw conflict('STAFF.ALREADY_ON_STAFF', `${person.name} is already on this setting's staff over those dates.`);
      const view = toStaffView(await manager.save(manager.create(SettingStaff, { settingId, ...dto, endDate: dto.endDate ?? null })), person);
      await this.audit.record({ actor, action: 'staff.added', entity: 'setting', entityId: settingId, after: view }, manager);
      return view;
    });
  }

  async endStaff(settingId: string, staffId: string, dto: EndStaffDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const staff = await manager.findOne(SettingStaff, {
        where: { id: staffId, settingId },
        relations: { person: true },
        lock: { mode: 'pessimistic_write', tables: ['setting_staff'] },
      });
      if (!staff) throw notFound('The member of staff');
      if (dto.endDate < staff.startDate)
        throw invalid('The end date is before the start date.', [{ field: 'endDate', problem: `must be on or after ${staff.startDate}` }]);
      const before = toStaffView(staff);
      const after = toStaffView(await manager.save(Object.assign(staff, { endDate: dto.endDate })));
      await this.audit.record({ actor, action: 'staff.left', entity: 'setting', entityId: settingId, before, after }, manager);
      return after;
    });
  }

  async listStaff(settingId: string, query: StaffQuery) {
    await this.get(settingId);
    const builder = this.dataSource
      .getRepository(SettingStaff)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.person', 'p')
      .where('s.settingId = :settingId', { settingId });
    if (query.asOf) builder.andWhere('s.startDate <= :asOf AND (s.endDate IS NULL OR s.endDate >= :asOf)', { asOf: query.asOf });
    const [items, total] = await builder.orderBy('p.name', sortOrder(query)).addOrderBy('s.id').take(query.pageSize).skip(query.offset).getManyAndCount();
    return { items: items.map((s) => toStaffView(s)), total };
  }

  private async lockSetting(manager: EntityManager, id: string): Promise<Setting> {
    const setting = await manager.findOne(Setting, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!setting) throw notFound('The setting');
    return setting;
  }
}
