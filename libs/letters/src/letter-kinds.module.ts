import { type DynamicModule, Module } from '@nestjs/common';
import { LetterKinds } from './letter-kind.registry';
import type { LetterKindDeclaration } from './letter-kinds';

/**
 * The letter kinds of every slice, registered once by each app (the API, the worker, the CLI) from one
 * list, so a process renders every kind whichever slice modules it loads (the worker has no returns
 * module, yet renders the national snapshot). Global: the letters module, imported by many slices, uses it.
 */
@Module({})
export class LetterKindsModule {
  static register(declarations: readonly LetterKindDeclaration[]): DynamicModule {
    return {
      module: LetterKindsModule,
      global: true,
      providers: [{ provide: LetterKinds, useFactory: () => new LetterKinds(declarations) }],
      exports: [LetterKinds],
    };
  }
}
