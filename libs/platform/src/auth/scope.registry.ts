import { Injectable } from '@nestjs/common';
import type { Actor } from './current-user';

/** Answers whether a record of one kind (a service, a workshop...) is the actor's to see. */
export type ScopeResolver = (id: string, actor: Actor) => Promise<boolean>;

/**
 * The one place organisation scoping is decided for routes. Each domain module registers how its kind
 * of record belongs to an organisation; the access guard asks here. NPA staff never reach it.
 */
@Injectable()
export class ScopeRegistry {
  private readonly resolvers = new Map<string, ScopeResolver>();

  register(kind: string, resolver: ScopeResolver): void {
    if (this.resolvers.has(kind)) throw new Error(`Scope "${kind}" is registered twice`);
    this.resolvers.set(kind, resolver);
  }

  has(kind: string): boolean {
    return this.resolvers.has(kind);
  }

  async owns(kind: string, id: string, actor: Actor): Promise<boolean> {
    const resolver = this.resolvers.get(kind);
    if (!resolver) throw new Error(`No scope resolver for "${kind}"`);
    return resolver(id, actor);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
