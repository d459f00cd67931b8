import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/current-user';
import { hashNewPassword } from '../auth/password';
import { ORGANISATION_OF, Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import { conflict, invalid, notFound } from '../http/domain-error';
import { PageQuery, sortColumn } from '../http/pagination';
import { AccountLinks } from './account-links';
import { Organisations } from './organisations';
import { CreateUserDto, toUserView, UpdateUserDto, UserView } from './user.dto';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly links: AccountLinks,
    private readonly organisations: Organisations,
  ) {}

  async create(dto: CreateUserDto, actor: Actor | null): Promise<UserView> {
    const passwordHash = await hashNewPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const organisationId = await this.checkOrganisation(manager, dto.role, dto.organisationId);
      await this.assertEmailFree(manager, dto.email);
      const user = await manager.save(User, manager.create(User, { email: dto.email.trim(), name: dto.name, passwordHash, role: dto.role, organisationId }));
      const view = toUserView(user);
      await this.audit.record({ actor, action: 'user.created', entity: 'user', entityId: user.id, after: view }, manager);
      await this.links.linkNew(manager, user, actor);
      return view;
    });
  }

  async update(id: string, dto: UpdateUserDto, actor: Actor): Promise<UserView> {
    const passwordHash = dto.password ? await hashNewPassword(dto.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('The user');
      const before = toUserView(user);
      const role = dto.role ?? user.role;
      const organisationId = await this.checkOrganisation(manager, role, dto.organisationId ?? (dto.role ? undefined : (user.organisationId ?? undefined)));
      const accessChanged =
        role !== user.role || organisationId !== user.organisationId || (dto.disabled !== undefined && dto.disabled !== (user.disabledAt !== null));
      Object.assign(user, {
        name: dto.name ?? user.name,
        role,
        organisationId,
        disabledAt: dto.disabled === undefined ? user.disabledAt : dto.disabled ? (user.disabledAt ?? new Date()) : null,
        passwordHash: passwordHash ?? user.passwordHash,
        // Tokens carry this number: bumping it signs the user out everywhere.
        tokenVersion: accessChanged || passwordHash ? user.tokenVersion + 1 : user.tokenVersion,
      });
      const saved = await manager.save(user);
      const after = toUserView(saved);
      await this.audit.record({ actor, action: 'user.updated', entity: 'user', entityId: id, before, after }, manager);
      return after;
    });
  }

  async get(id: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw notFound('The user');
    return toUserView(user);
  }

  async list(query: PageQuery & { role?: Role }): Promise<{ items: UserView[]; total: number }> {
    const column = sortColumn(query, { email: 'u.email', name: 'u.name', role: 'u.role', createdAt: 'u.createdAt' }, 'u.email');
    const builder = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .orderBy(column, query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('u.id')
      .take(query.pageSize)
      .skip(query.offset);
    if (query.role) builder.where('u.role = :role', { role: query.role });
    const [users, total] = await builder.getManyAndCount();
    return { items: users.map(toUserView), total };
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    const taken = await manager.createQueryBuilder(User, 'u').where('lower(u.email) = lower(:email)', { email: email.trim() }).getExists();
    if (taken) throw conflict('USER.EMAIL_TAKEN', 'A user with this email already exists.');
  }

  /** A service manager belongs to a service and a setting contact to a setting; nobody else to one. */
  private async checkOrganisation(manager: EntityManager, role: Role, organisationId: string | undefined): Promise<string | null> {
    const kind = ORGANISATION_OF[role];
    if (!kind) {
      if (organisationId)
        throw invalid('Only service managers and setting contacts belong to an organisation.', [
          { field: 'organisationId', problem: `must be absent for role ${role}` },
        ]);
      return null;
    }
    if (!organisationId) throw invalid(`A ${role} must name their ${kind}.`, [{ field: 'organisationId', problem: `must be the id of a ${kind}` }]);
    if (!(await this.organisations.exists(manager, kind, organisationId)))
      throw invalid(`There is no ${kind} with that id.`, [{ field: 'organisationId', problem: `is not a ${kind}` }]);
    return organisationId;
  }
}
