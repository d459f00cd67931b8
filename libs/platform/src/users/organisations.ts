import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrganisationKind } from '../auth/roles';

/** Whether an organisation of one kind with this id is on the register. */
export type OrganisationExists = (manager: EntityManager, id: string) => Promise<boolean>;

/**
 * Where the lib that owns the organisations (the register) says how to find one, so the users service
 * can check an account's organisation without reading another slice's tables: platform sits below it.
 */
@Injectable()
export class Organisations {
  private readonly finders = new Map<OrganisationKind, OrganisationExists>();

  register(kind: OrganisationKind, exists: OrganisationExists): void {
    if (this.finders.has(kind)) throw new Error(`Organisations: the ${kind}s are registered twice`);
    this.finders.set(kind, exists);
  }

  async exists(manager: EntityManager, kind: OrganisationKind, id: string): Promise<boolean> {
    const exists = this.finders.get(kind);
    if (!exists) throw new Error(`Organisations: no module registered the ${kind}s (import the register's module)`);
    return exists(manager, id);
  }
}
