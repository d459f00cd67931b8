import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@npa/platform';
import { ScopeRegistry } from '@npa/platform';

/**
 * A trainer-role user is the trainer whose person has their email (case aside): they own that trainer
 * record and the workshops it delivers. Nobody else outside the NPA office owns either.
 */
@Injectable()
export class TrainingScopes implements OnModuleInit {
  constructor(
    private readonly scopes: ScopeRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.scopes.register('trainer', (id, actor) =>
      this.exists(actor, 'SELECT 1 FROM trainers t JOIN people p ON p.id = t.person_id WHERE t.id = $1 AND lower(p.email) = lower($2)', id),
    );
    this.scopes.register('workshop', (id, actor) =>
      this.exists(
        actor,
        'SELECT 1 FROM workshops w JOIN trainers t ON t.id = w.trainer_id JOIN people p ON p.id = t.person_id WHERE w.id = $1 AND lower(p.email) = lower($2)',
        id,
      ),
    );
  }

  private async exists(actor: Actor, sql: string, id: string): Promise<boolean> {
    if (actor.role !== 'trainer') return false;
    const rows: unknown[] = await this.dataSource.query(sql, [id, actor.email.trim()]);
    return rows.length > 0;
  }
}
