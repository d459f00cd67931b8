import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@npa/platform';
import { ScopeRegistry } from '@npa/platform';

/**
 * How the register's records belong to an organisation: a service manager owns their service and the
 * people on its team (past or present); a setting contact their setting, its staff records and the
 * people on them.
 */
@Injectable()
export class RegistryScopes implements OnModuleInit {
  constructor(
    private readonly scopes: ScopeRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.scopes.register('service', async (id, actor) => actor.role === 'service_manager' && actor.organisationId === id);
    this.scopes.register('setting', async (id, actor) => actor.role === 'setting_contact' && actor.organisationId === id);
    this.scopes.register('person', (id, actor) => this.ownsPerson(id, actor));
    this.scopes.register('setting-staff', async (id, actor) => {
      if (actor.role !== 'setting_contact' || !actor.organisationId) return false;
      const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM setting_staff WHERE id = $1 AND setting_id = $2', [id, actor.organisationId]);
      return rows.length > 0;
    });
  }

  private async ownsPerson(personId: string, actor: Actor): Promise<boolean> {
    const table = actor.role === 'service_manager' ? 'team_members' : actor.role === 'setting_contact' ? 'setting_staff' : null;
    const column = actor.role === 'service_manager' ? 'service_id' : 'setting_id';
    if (!table || !actor.organisationId) return false;
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE person_id = $1 AND ${column} = $2 LIMIT 1`, [
      personId,
      actor.organisationId,
    ]);
    return rows.length > 0;
  }
}

/** For lists: the organisation a non-staff actor is limited to, or null for the NPA office. */
export function organisationLimit(actor: Actor): string | null {
  return actor.role === 'npa_admin' || actor.role === 'npa_reviewer' ? null : (actor.organisationId ?? '00000000-0000-0000-0000-000000000000');
}
