import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ScopeRegistry } from '@npa/platform';

/** A letter is yours when what it is about is yours: the same answer the register gives for its subject. */
@Injectable()
export class LettersScopes implements OnModuleInit {
  constructor(
    private readonly scopes: ScopeRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.scopes.register('letter', async (id, actor) => {
      const [letter] = await this.dataSource.query<{ subject_kind: string; subject_id: string }[]>(
        'SELECT subject_kind, subject_id FROM letters WHERE id = $1',
        [id],
      );
      return letter !== undefined && this.scopes.has(letter.subject_kind) && this.scopes.owns(letter.subject_kind, letter.subject_id, actor);
    });
  }
}
