import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@npa/platform';
import { ScopeRegistry, Clock } from '@npa/platform';
import { PersonAccess, personAccess } from './people/person-access.rules';
import { postsOf } from './people/people.repository';

/** The scope kinds for a person's record: `person` to read it, `person-record` to change what others rely on. */
export const PERSON_READ = 'person';
export const PERSON_CHANGE = 'person-record';

/**
 * How the register's records belong to an organisation: a service manager owns their service, a
 * setting contact their setting and its staff records. People are decided by `personAccess` alone.
 */
@Injectable()
export class RegistryScopes implements OnModuleInit {
  constructor(
    private readonly scopes: ScopeRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scopes.register('service', async (id, actor) => actor.role === 'service_manager' && actor.organisationId === id);
    this.scopes.register('setting', async (id, actor) => actor.role === 'setting_contact' && actor.organisationId === id);
    this.scopes.register(PERSON_READ, async (id, actor) => (await this.accessTo(id, actor)) !== 'none');
    this.scopes.register(PERSON_CHANGE, async (id, actor) => (await this.accessTo(id, actor)) === 'manage');
    this.scopes.register('setting-staff', async (id, actor) => {
      if (actor.role !== 'setting_contact' || !actor.organisationId) return false;
      const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM setting_staff WHERE id = $1 AND setting_id = $2', [id, actor.organisationId]);
      return rows.length > 0;
    });
  }

  private async accessTo(personId: string, actor: Actor): Promise<PersonAccess> {
    return personAccess(actor, await postsOf(this.dataSource.manager, personId), this.clock.today());
  }
}

/** For lists: the organisation a non-staff actor is limited to, or null for the NPA office. */
export function organisationLimit(actor: Actor): string | null {
  return actor.role === 'npa_admin' || actor.role === 'npa_reviewer' ? null : (actor.organisationId ?? '00000000-0000-0000-0000-000000000000');
}
