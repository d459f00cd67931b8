import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ScopeRegistry } from '@npa/platform';

/** A setting contact owns the applications of their own setting, and nobody else outside the NPA office does. */
@Injectable()
export class ApprovalScopes implements OnModuleInit {
  constructor(
    private readonly scopes: ScopeRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.scopes.register('application', async (id, actor) => {
      if (actor.role !== 'setting_contact' || !actor.organisationId) return false;
      const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM applications WHERE id = $1 AND setting_id = $2', [id, actor.organisationId]);
      return rows.length > 0;
    });
  }
}
