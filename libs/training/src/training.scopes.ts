import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@npa/platform';
import { ScopeRegistry } from '@npa/platform';

/**
 * A trainer-role user owns the trainer record linked to their account (by id, set by NPA staff) and the
 * workshops it delivers. Nobody else outside the NPA office owns either.
 */
@Injectable()
export class TrainingScopes implements OnModuleInit {
  constructor(
    private readonly scopes: ScopeRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.scopes.register('trainer', (id, actor) => this.exists(actor, 'SELECT 1 FROM trainers WHERE id = $1 AND user_id = $2', id));
    this.scopes.register('workshop', (id, actor) =>
      this.exists(actor, 'SELECT 1 FROM workshops w JOIN trainers t ON t.id = w.trainer_id WHERE w.id = $1 AND t.user_id = $2', id),
    );
  }

  private async exists(actor: Actor, sql: string, id: string): Promise<boolean> {
    if (actor.role !== 'trainer') return false;
    const rows: unknown[] = await this.dataSource.query(sql, [id, actor.id]);
    return rows.length > 0;
  }
}
