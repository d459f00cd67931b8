import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, AccountLinks } from '@npa/platform';
import { usersByEmail } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { personIdsByEmail } from '@npa/registry';

/**
 * Links a trainer record to its account by id. NPA staff set the link: when they create a trainer
 * account, or a trainer whose person has an account, with the same email (API.md, POST /users), or by
 * hand (PUT /trainers/{id}/user). From then on emails can change without moving the link.
 */
@Injectable()
export class TrainerAccounts implements OnModuleInit {
  constructor(
    private readonly links: AccountLinks,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.links.register(async (manager, account, actor) => {
      if (account.role !== 'trainer') return;
      const personIds = await personIdsByEmail(manager, account.email.trim());
      const [trainer] = await manager.query<{ id: string }[]>('SELECT id FROM trainers WHERE user_id IS NULL AND person_id = ANY($1::uuid[])', [personIds]);
      if (trainer) await this.link(manager, trainer.id, account.id, actor);
    });
  }

  /** For a new trainer record: the trainer account with its person's email, not yet linked to another trainer. */
  async linkNewTrainer(manager: EntityManager, trainerId: string, email: string, actor: Actor): Promise<string | null> {
    const accounts = (await usersByEmail(manager, email.trim())).filter((u) => u.role === 'trainer');
    const linked = await manager.query<{ user_id: string }[]>('SELECT user_id::text FROM trainers WHERE user_id = ANY($1::uuid[])', [
      accounts.map((u) => u.id),
    ]);
    const user = accounts.find((u) => !linked.some((l) => l.user_id === u.id));
    if (!user) return null;
    await this.link(manager, trainerId, user.id, actor);
    return user.id;
  }

  async link(manager: EntityManager, trainerId: string, userId: string | null, actor: Actor | null): Promise<void> {
    await manager.query('UPDATE trainers SET user_id = $2 WHERE id = $1', [trainerId, userId]);
    await this.audit.record({ actor, action: 'trainer.account_linked', entity: 'trainer', entityId: trainerId, after: { userId } }, manager);
  }
}
