import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import type { Role } from '../auth/roles';

/** Links another part of the register makes to a new account, inside the transaction that creates it. */
export type AccountLink = (manager: EntityManager, account: { id: string; email: string; role: Role }, actor: Actor | null) => Promise<void>;

/**
 * Where a lib registers what it links to an account when NPA staff create one (the trainer record to a
 * trainer's account), so the users service needs to know none of them.
 */
@Injectable()
export class AccountLinks {
  private readonly links: AccountLink[] = [];

  register(link: AccountLink): void {
    this.links.push(link);
  }

  async linkNew(manager: EntityManager, account: { id: string; email: string; role: Role }, actor: Actor | null): Promise<void> {
    for (const link of this.links) await link(manager, account, actor);
  }
}
